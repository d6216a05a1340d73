//! Start-up cost of extraction, in CPU time: loading the built-in knowledge
//! base, building its name matcher, the first (tiny) extraction, and
//! dropping the base, as every `extract`, `index` and `search` run pays:
//! `cargo run --release --example startup`.
use std::time::Instant;

#[path = "support/cpu.rs"]
mod cpu;
use cpu::cpu_secs;

fn main() -> anyhow::Result<()> {
    let origin = Instant::now();
    let t0 = cpu_secs(origin);
    let kb = newsdex::extract::kb::KnowledgeBase::builtin()?;
    let t1 = cpu_secs(origin);
    kb.prepare()?;
    let t2 = cpu_secs(origin);
    let doc = newsdex::extract::text::Doc::analyze("Vladimir Putin met Mr. Smith in Paris.");
    let n = newsdex::extract::entities::extract(&doc, &kb, None, None).len();
    let t3 = cpu_secs(origin);
    drop(kb);
    let t4 = cpu_secs(origin);
    println!(
        "CPU s: builtin {:.3} matcher {:.3} first extract {:.3} ({n} entities) drop {:.3}",
        t1 - t0,
        t2 - t1,
        t3 - t2,
        t4 - t3
    );
    Ok(())
}
