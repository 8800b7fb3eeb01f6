//! Sets `cfg(sse2)` where the target has SSE2 (x86 or x86-64 with the
//! feature on, i.e. every x86-64 target): the byte scans that test 16 bytes
//! at a time through `safe_arch` are compiled there, and the portable scans
//! everywhere else (aarch64, wasm, x86 without SSE2). One name instead of
//! `all(any(target_arch = "x86", target_arch = "x86_64"), target_feature =
//! "sse2")` at each of them.
//!
//! `FOU_PORTABLE_SCANS=1` in the build's environment leaves `sse2` unset on
//! x86 too, so that the portable scans an aarch64 build runs are tested and
//! measured here (`scripts/test.sh` runs the core's and the integration
//! tests so).

fn main() {
    println!("cargo::rustc-check-cfg=cfg(sse2)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=FOU_PORTABLE_SCANS");
    let portable = std::env::var_os("FOU_PORTABLE_SCANS").is_some_and(|v| v == "1");
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let features = std::env::var("CARGO_CFG_TARGET_FEATURE").unwrap_or_default();
    let x86 = matches!(arch.as_str(), "x86" | "x86_64");
    if x86 && !portable && features.split(',').any(|f| f == "sse2") {
        println!("cargo::rustc-cfg=sse2");
    }
}
