//! The `trame` command: parses arguments, calls the library, maps the outcome to an exit code.

mod cli;

/// mimalloc: imports allocate and free millions of small strings on three threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
