# Shared settings for the scripts (sourced, not run).
# Every location can be moved with an environment variable, so CI can keep
# the slow-to-build tools in a per-user cache while a fresh clone still
# builds everything through the same scripts.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EVCXR_VERSION=0.22.0
TOOLS="${AMAZON_SALES_TOOLS:-$ROOT/.tools}"          # evcxr_jupyter, kernelspec, evcxr build cache
VENV="${AMAZON_SALES_VENV:-$ROOT/.venv}"             # python + jupyter
# cargo (tests, benches, the scale binary) builds in $TOOLS/cargo-target with
# the flags the evcxr notebook session uses (RUSTFLAGS=-Cprefer-dynamic, an
# explicit --target; Cargo.toml's dev profile matches evcxr's), but not in the
# session's own directory: cargo 1.95 hashes the session crate's dependencies
# differently from this workspace's (the "path" of every registry package in
# its fingerprint differs), so both builds would write a different
# libamazon_sales.so (a path crate's output has no hash in its name) over the
# other, and the loser fails at run time or in doctests ("polars is
# ambiguous", undefined symbols). Two directories, each built once and cached.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$TOOLS/cargo-target}"
export CARGO_BUILD_TARGET="${CARGO_BUILD_TARGET:-$(rustc -vV | sed -n 's/^host: //p')}"
export RUSTFLAGS="-Cprefer-dynamic"
# Binaries built that way (src/bin/scale.rs) need libstd-*.so at run time;
# cargo's rpath for them is computed from target/.../deps, not from the
# target/.../debug copy the scripts run, so point the loader at it explicitly.
export LD_LIBRARY_PATH="$(rustc --print target-libdir)${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export JUPYTER_PATH="$TOOLS/share/jupyter"
export JUPYTER_CONFIG_DIR="$TOOLS/jupyter-config"
export JUPYTER_DATA_DIR="$TOOLS/share/jupyter"
export EVCXR_CONFIG_DIR="$TOOLS/evcxr/config"
export PATH="$VENV/bin:$TOOLS/bin:$PATH"
export PYTHONUNBUFFERED=1
# candle 0.11 asks for the thread count on every matrix product and, unless
# RAYON_NUM_THREADS is set, re-reads /proc/cpuinfo each time (~40 % of the
# small ANN's training time). Setting it (to rayon's own default) skips that.
export RAYON_NUM_THREADS="${RAYON_NUM_THREADS:-$(nproc)}"
# glibc returns every freed block above its mmap threshold to the kernel, so
# each candle tensor of a few MiB is page-faulted in again (~35 % of a CNN
# epoch in perf). Keep blocks up to 32 MiB in the heap and do not trim it:
# CNN epoch 7.2 -> 4.7 s. Other allocators ignore these variables.
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-1073741824}"
# The scale-out crate (DataFusion + Ballista, scale-out/) is a workspace of its
# own with its own build dir, built as a plain static release binary: none of
# the shared-build settings above apply to it.
SCALE_OUT_TARGET="${AMAZON_SALES_SCALE_OUT_TARGET:-$TOOLS/scale-out-target}"
SCALE_OUT_BIN="$SCALE_OUT_TARGET/release/scale-out"
scale_out_cargo() {  # scale_out_cargo SUBCOMMAND [ARGS...]
  local subcommand="$1"; shift
  env -u RUSTFLAGS -u CARGO_BUILD_TARGET CARGO_TARGET_DIR="$SCALE_OUT_TARGET" \
    cargo "$subcommand" --manifest-path "$ROOT/scale-out/Cargo.toml" "$@"
}
