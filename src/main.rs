//! The `newsdex` command: a thin dispatcher. Each subcommand lives in its own
//! file under `src/cli/`; errors are reported once, here, and mapped to exit
//! codes that scripts can trust (see `cli::ExitCode`).

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
