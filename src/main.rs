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

/// Tell mimalloc to keep the memory it frees instead of handing it back to
/// the kernel (its "purge", by default a second after a free). Indexing
/// frees and reallocates the same few hundred megabytes all run long
/// (tantivy's per-segment arenas, each batch's documents), and mimalloc's
/// arenas are backed by 2 MB transparent huge pages: every purged range that
/// is touched again faults in a fresh huge page that the kernel zeroes whole.
/// On 6,000 AllSides articles that was ~10,000-16,000 faults (`perf stat`),
/// and `perf` put ~9% of all samples in the kernel's `clear_page_erms`;
/// kept, the run takes ~600 faults, and on the AllSides file ~3% less user
/// CPU (three alternating pairs), for a peak resident size ~15% higher.
/// Every `newsdex` command is a batch run that exits when done, so nothing
/// else ever wants that memory back from it.
fn keep_freed_memory() {
    extern "C" {
        fn mi_option_set(option: i32, value: std::ffi::c_long);
    }
    // `mi_option_purge_delay` in mimalloc's `mi_option_t` (v2 and v3 alike,
    // include/mimalloc.h); -1 means "never purge".
    const MI_OPTION_PURGE_DELAY: i32 = 15;
    // SAFETY: mimalloc is linked as the global allocator above, so the symbol
    // exists; setting an option only changes a value mimalloc reads when it
    // next decides whether to purge. `mi_option_set` is not thread-safe,
    // and this runs before any thread is started.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

mod cli;

use clap::Parser;

fn main() {
    keep_freed_memory();
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
