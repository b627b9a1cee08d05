"""Build a Lambda layer zip of apigw for one architecture from its wheels.

    python tools/build_layer.py --arch x86_64 wheelhouse/*.whl          # -> dist/apigw-layer-x86_64.zip
    python tools/build_layer.py --arch aarch64 --out dist wheelhouse/*.whl

Lambda unpacks a layer into /opt and puts /opt/python on sys.path for every Python runtime, so one zip per
architecture serves every Python version: the ``.py`` files are shared and each wheel adds its own
``_*_c.cpython-3XX-<arch>-linux-gnu.so`` files side by side. Only wheels of the requested architecture (or pure
``py3-none-any`` ones, for a pure-Python layer) are used. Sources that Lambda never runs (``.pyx``, ``.c``,
``.pyi``) and tests are left out. Prints what went in and the zip's size.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path
from typing import Dict, List

LEFT_OUT_SUFFIXES = (".pyx", ".c", ".pyi")


def wheel_architecture(wheel: Path) -> str:
    """``x86_64``, ``aarch64`` or ``any`` from a wheel's platform tag."""
    platform_tag = wheel.stem.split("-")[-1]
    if platform_tag == "any":
        return "any"
    for arch in ("x86_64", "aarch64"):
        if platform_tag.endswith(arch):
            return arch
    return platform_tag


def layer_members(wheels: List[Path]) -> Dict[str, bytes]:
    """``python/...`` path -> content, merged from the wheels (the first wheel's dist-info is kept)."""
    members: Dict[str, bytes] = {}
    dist_info_taken = False
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            names = [name for name in archive.namelist() if not name.endswith("/")]
            has_dist_info = any(".dist-info/" in name for name in names)
            for name in names:
                if name.endswith(LEFT_OUT_SUFFIXES) or name.startswith("tests/"):
                    continue
                if ".dist-info/" in name and dist_info_taken:
                    continue
                members[f"python/{name}"] = archive.read(name)
            dist_info_taken = dist_info_taken or has_dist_info
    return members


def build_layer(arch: str, wheels: List[Path], out_dir: Path) -> Path:
    chosen = sorted(wheel for wheel in wheels if wheel_architecture(wheel) == arch)
    if not chosen:
        chosen = sorted(wheel for wheel in wheels if wheel_architecture(wheel) == "any")
    if not chosen:
        raise SystemExit(f"no {arch} (or py3-none-any) wheel among: {', '.join(str(w) for w in wheels) or 'none'}")
    members = layer_members(chosen)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"apigw-layer-{arch}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as layer:
        for name in sorted(members):
            layer.writestr(name, members[name])
    unpacked = sum(len(content) for content in members.values())
    for wheel in chosen:
        print(f"  from {wheel.name}")
    print(f"{target}: {len(members)} files, {target.stat().st_size / 1024:.0f} KB zipped, {unpacked / 1024:.0f} KB unpacked")
    return target


def main(argv: List[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--arch", required=True, choices=["x86_64", "aarch64"])
    parser.add_argument("--out", default="dist", type=Path, help="output folder (default: dist)")
    parser.add_argument("wheels", nargs="+", type=Path)
    args = parser.parse_args(argv)
    build_layer(args.arch, args.wheels, args.out)


if __name__ == "__main__":
    main(sys.argv[1:])
