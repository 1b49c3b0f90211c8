//! The `crosscheck` command; everything it does is in the library's `cli` module.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    crosscheck::cli::main()
}

/// The command line is native only; on wasm32 the library is used through its wasm module.
#[cfg(target_arch = "wasm32")]
fn main() {}
