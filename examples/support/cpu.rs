//! CPU time of the running process, shared by the speed examples: on a
//! shared machine, wall time measures the neighbours as much as the code.

use std::time::Instant;

/// User+system CPU seconds of this process (Linux `/proc/self/stat`, in
/// clock ticks of 1/100 s, which every common Linux uses); wall time since
/// `origin` where that file is unreadable.
pub fn cpu_secs(origin: Instant) -> f64 {
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            let u: f64 = f.get(11)?.parse().ok()?;
            let k: f64 = f.get(12)?.parse().ok()?;
            Some(u + k)
        });
    match ticks {
        Some(t) => t / 100.0,
        None => origin.elapsed().as_secs_f64(),
    }
}
