//! The `newsdex` command: a thin dispatcher. Each subcommand lives in its own
//! file under `src/cli/`; errors are reported once, here, and mapped to exit
//! codes that scripts can trust (see `cli::ExitCode`).

// Indexing allocates and frees millions of small strings and vectors per
// run (tokens, mentions, statement documents, tantivy's per-document
// buffers). With glibc's allocator a tenth of all CPU went to malloc and
// free and another 4% to zeroing pages it had handed back to the kernel;
// mimalloc cuts the CPU of `newsdex index` by about 12% for ~40% more
// resident memory (see docs/ARCHITECTURE.md, "Throughput").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cli;

use clap::Parser;

fn main() {
    let args = cli::Cli::parse();
    let code = match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            if cli::is_broken_pipe(&err) {
                // `newsdex search ... | head` closing the pipe is not an error.
                cli::ExitCode::Ok
            } else {
                eprintln!("newsdex: error: {}", cli::describe(&err));
                cli::ExitCode::Fatal
            }
        }
    };
    std::process::exit(code as i32);
}
