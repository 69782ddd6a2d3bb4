//! The `trame` command: parses arguments, calls the library, maps the outcome to an exit code.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
