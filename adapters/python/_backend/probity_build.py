"""A PEP 517 / PEP 660 build backend for the probity-adapter package, standard library only.

Why not setuptools: `pip install ./adapters/python` must work offline, and setuptools builds wheels
only with the separate `wheel` package (before setuptools 70.1), which many Pythons lack and no
index can supply here.  A pure-Python package with one entry point needs little: this backend reads
pyproject.toml, and writes the wheel (PEP 427: the package's files, METADATA, WHEEL,
entry_points.txt and RECORD with sha256 digests), the sdist and, for `pip install -e`, an editable
wheel whose .pth file points at this directory.
"""
import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "probity_adapter"
# a fixed timestamp, so that builds are reproducible
ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def _read_pyproject():
    """pyproject.toml through tomllib (Python 3.11+); on older Pythons, the subset of TOML this file
    uses: comment lines, [tables], key = "string" and key = ["string", ...] lines."""
    path = os.path.join(ROOT, "pyproject.toml")
    try:
        import tomllib  # Python 3.11+
        with open(path, "rb") as f:
            return tomllib.load(f)
    except ImportError:
        pass
    data = {}
    table = data
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            m = re.match(r"^\[([^\]]+)\]$", line)
            if m:
                table = data
                for part in m.group(1).split("."):
                    table = table.setdefault(part.strip(), {})
                continue
            key, _, value = (x.strip() for x in line.partition("="))
            key = key.strip('"')
            if value.startswith('"'):
                table[key] = value[1:value.rindex('"')]
            elif value.startswith("["):
                table[key] = re.findall(r'"([^"]*)"', value)
    return data


def _project():
    p = _read_pyproject()["project"]
    return p


def _dist_name(project):
    return re.sub(r"[-_.]+", "_", project["name"]).lower()


def _metadata(project):
    lines = ["Metadata-Version: 2.1", "Name: " + project["name"], "Version: " + project["version"],
             "Summary: " + project.get("description", "")]
    if "requires-python" in project:
        lines.append("Requires-Python: " + project["requires-python"])
    readme = project.get("readme")
    body = ""
    if readme and os.path.exists(os.path.join(ROOT, readme)):
        lines.append("Description-Content-Type: text/markdown")
        with open(os.path.join(ROOT, readme), encoding="utf-8") as f:
            body = "\n" + f.read()
    return ("\n".join(lines) + "\n" + body).encode("utf-8")


def _entry_points(project):
    out = []
    for group, entries in sorted(project.get("entry-points", {}).items()):
        out.append("[%s]" % group)
        out.extend("%s = %s" % (k, v) for k, v in sorted(entries.items()))
        out.append("")
    return "\n".join(out).encode("utf-8")


def _package_files():
    base = os.path.join(ROOT, PACKAGE)
    for name in sorted(os.listdir(base)):
        if name.endswith(".py"):
            yield PACKAGE + "/" + name, os.path.join(base, name)


def _digest(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")


def _write_wheel(wheel_directory, files):
    """files: (archive name, bytes) pairs; adds the dist-info and RECORD."""
    project = _project()
    dist = _dist_name(project)
    info = "%s-%s.dist-info" % (dist, project["version"])
    files = list(files) + [
        (info + "/METADATA", _metadata(project)),
        (info + "/WHEEL", b"Wheel-Version: 1.0\nGenerator: probity_build\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
        (info + "/entry_points.txt", _entry_points(project)),
    ]
    record = "".join("%s,%s,%d\n" % (name, _digest(data), len(data)) for name, data in files) + info + "/RECORD,,\n"
    files.append((info + "/RECORD", record.encode("utf-8")))
    filename = "%s-%s-py3-none-any.whl" % (dist, project["version"])
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            z.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return filename


def _read(path):
    with open(path, "rb") as f:
        return f.read()


# ---- PEP 517 ----

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    project = _project()
    info = "%s-%s.dist-info" % (_dist_name(project), project["version"])
    os.makedirs(os.path.join(metadata_directory, info), exist_ok=True)
    for name, data in (("METADATA", _metadata(project)), ("entry_points.txt", _entry_points(project))):
        with open(os.path.join(metadata_directory, info, name), "wb") as f:
            f.write(data)
    return info


def prepare_metadata_for_build_editable(metadata_directory, config_settings=None):
    return prepare_metadata_for_build_wheel(metadata_directory, config_settings)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _write_wheel(wheel_directory, [(name, _read(path)) for name, path in _package_files()])


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    """PEP 660: a wheel whose .pth file puts this directory on sys.path."""
    return _write_wheel(wheel_directory, [("_probity_adapter_editable.pth", (ROOT + "\n").encode("utf-8"))])


def build_sdist(sdist_directory, config_settings=None):
    project = _project()
    base = "%s-%s" % (_dist_name(project), project["version"])
    filename = base + ".tar.gz"
    members = [("pyproject.toml", os.path.join(ROOT, "pyproject.toml")),
               ("_backend/probity_build.py", os.path.abspath(__file__))]
    if os.path.exists(os.path.join(ROOT, "README.md")):
        members.append(("README.md", os.path.join(ROOT, "README.md")))
    members += list(_package_files())
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz") as tar:
        for name, data in [(n, _read(p)) for n, p in members] + [("PKG-INFO", _metadata(project))]:
            info = tarfile.TarInfo(base + "/" + name)
            info.size = len(data)
            info.mtime = 1767225600
            tar.addfile(info, io.BytesIO(data))
    return filename
