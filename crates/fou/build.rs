//! Sets `cfg(sse2)` where the target has SSE2 (x86 or x86-64 with the
//! feature on, i.e. every x86-64 target): the byte scans that test 16 bytes
//! at a time through `safe_arch` are compiled there, and the portable scans
//! everywhere else (aarch64, wasm, x86 without SSE2). One name instead of
//! `all(any(target_arch = "x86", target_arch = "x86_64"), target_feature =
//! "sse2")` at each of them.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(sse2)");
    println!("cargo::rerun-if-changed=build.rs");
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let features = std::env::var("CARGO_CFG_TARGET_FEATURE").unwrap_or_default();
    let x86 = matches!(arch.as_str(), "x86" | "x86_64");
    if x86 && features.split(',').any(|f| f == "sse2") {
        println!("cargo::rustc-cfg=sse2");
    }
}
