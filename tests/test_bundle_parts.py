"""What the one-folder app keeps and leaves out, its icons and its platform metadata."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from bundle import icons, metadata, parts


def test_babel_keeps_dutch_english_and_root_only() -> None:
    kept = [
        name
        for name in ("nl.dat", "nl_NL.dat", "en.dat", "en_001.dat", "en_GB.dat", "root.dat")
        if parts.keep_data(f"babel/locale-data/{name}")
    ]
    assert len(kept) == 6
    for other in ("de.dat", "nl_BE.dat", "en_US.dat", "fr_FR.dat"):
        assert not parts.keep_data(f"babel/locale-data/{other}")
    assert parts.keep_data("babel/global.dat")


def test_qt_keeps_its_dutch_and_english_catalogues_only() -> None:
    folder = "PySide6/Qt/translations"
    assert parts.keep_data(f"{folder}/qtbase_nl.qm")
    assert parts.keep_data(f"{folder}/qtbase_en.qm")
    for other in ("qtbase_de.qm", "qt_nl.qm", "qtwebengine_nl.qm", "qt_help_nl.qm"):
        assert not parts.keep_data(f"{folder}/{other}")


def test_iban_data_of_stdnum_stays_the_rest_goes() -> None:
    assert parts.keep_data("stdnum/iban.dat")
    assert parts.keep_data("stdnum/be/banks.dat")
    assert not parts.keep_data("stdnum/oui.dat")
    assert not parts.keep_data("stdnum/cn/loc.dat")
    assert parts.keep_data("stdnum/nl/__init__.py")


def test_tests_of_libraries_and_our_own_files_are_told_apart() -> None:
    assert not parts.keep_data("jsonschema/tests/draft7/ref.json")
    assert parts.keep_data("resources/checklists/broker-buyer.json")
    assert parts.keep_data("translations/nl/LC_MESSAGES/vastgoedcheck.mo")


def test_qt_plugins_for_windows_and_input_stay_network_and_egl_go() -> None:
    plugins = "PySide6/Qt/plugins"
    for kept in (
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "platforms/libqoffscreen.so",
        "platforms/qwindows.dll",
        "platforms/libqcocoa.dylib",
        "imageformats/libqjpeg.so",
        "imageformats/qwebp.dll",
        "platforminputcontexts/libibusplatforminputcontextplugin.so",
        "wayland-shell-integration/libxdg-shell.so",
        "printsupport/libcupsprintersupport.so",  # the recovery key is printed
    ):
        assert parts.keep_qt_plugin(f"{plugins}/{kept}"), kept
    for left_out in (
        "platforms/libqeglfs.so",
        "platforms/libqvnc.so",
        "platformthemes/libqgtk3.so",
        "tls/libqopensslbackend.so",
        "networkinformation/libqnetworkmanager.so",
        "egldeviceintegrations/libqeglfs-kms-egldevice-integration.so",
        "imageformats/libqtga.so",
    ):
        assert not parts.keep_qt_plugin(f"{plugins}/{left_out}"), left_out
    assert parts.keep_qt_plugin("PySide6/Qt/lib/libQt6Core.so.6")


def test_libraries_only_a_left_out_plugin_needed_fall_away(tmp_path: Path) -> None:
    def made(name: str) -> str:
        path = tmp_path / name
        path.write_bytes(b"")
        return str(path)

    links = {
        made("QtCore.abi3.so"): [made("libQt6Core.so.6")],
        made("libqxcb.so"): [made("libQt6XcbQpa.so.6"), str(tmp_path / "libQt6Core.so.6")],
        made("libQt6XcbQpa.so.6"): [made("libxcb-cursor.so.0")],
        made("libpython3.11.so.1.0"): [],
        made("libQt6Network.so.6"): [made("libssl.so.3")],
    }
    entries = [
        ("PySide6/QtCore.abi3.so", str(tmp_path / "QtCore.abi3.so"), "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", str(tmp_path / "libqxcb.so"), "BINARY"),
        ("libpython3.11.so.1.0", str(tmp_path / "libpython3.11.so.1.0"), "BINARY"),
    ] + [
        (f"lib/{name}", str(tmp_path / name), "BINARY")
        for name in (
            "libQt6Core.so.6",
            "libQt6XcbQpa.so.6",
            "libxcb-cursor.so.0",
            "libQt6Network.so.6",
            "libssl.so.3",
        )
    ]
    kept = parts.needed_binaries(entries, lambda source: links.get(source, []))
    names = {Path(dest).name for dest, _source, _kind in kept}
    assert names == {
        "QtCore.abi3.so",
        "libqxcb.so",
        "libpython3.11.so.1.0",
        "libQt6Core.so.6",
        "libQt6XcbQpa.so.6",
        "libxcb-cursor.so.0",
    }


def test_only_pythons_own_libraries_are_stripped() -> None:
    assert parts.has_python_debug_info("/root/.pyenv/versions/3.11.7/lib/libpython3.11.so.1.0")
    assert parts.has_python_debug_info("/usr/lib/python3.11/lib-dynload/_decimal.cpython-311.so")
    assert not parts.has_python_debug_info("/venv/site-packages/pillow.libs/libjpeg-6dc8.so.62")
    assert not parts.has_python_debug_info("/venv/site-packages/PySide6/Qt/lib/libQt6Core.so.6")


def test_the_icon_files_hold_every_size_a_desktop_asks_for(tmp_path: Path) -> None:
    paths = icons.write_icons(tmp_path)
    with Image.open(paths["ico"]) as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(paths["icns"]) as icns:
        assert icns.size == (1024, 1024)
    with Image.open(paths["png"]) as png:
        assert png.size == (256, 256)
        assert png.getpixel((128, 128))[3] == 255  # the house is opaque
        assert png.getpixel((2, 2))[3] == 0  # the corners are transparent


def test_windows_version_resource_names_the_program_and_version(tmp_path: Path) -> None:
    text = metadata.write_windows_version_file(tmp_path / "v.txt", "vastgoedcheck-cli.exe")
    seen: dict[str, object] = {}

    def record(kind: str):  # type: ignore[no-untyped-def]
        def made(*args: object, **kwargs: object) -> tuple[str, tuple[object, ...], dict]:  # type: ignore[type-arg]
            if kind == "StringStruct":
                seen[str(args[0])] = args[1]
            if kind == "FixedFileInfo":
                seen["filevers"] = kwargs["filevers"]
            return (kind, args, kwargs)

        return made

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable")
    names += ("StringStruct", "VarFileInfo", "VarStruct")
    eval(text.read_text(encoding="utf-8"), {name: record(name) for name in names})
    assert seen["OriginalFilename"] == "vastgoedcheck-cli.exe"
    assert seen["ProductVersion"] == metadata.__version__
    assert seen["filevers"] == metadata.version_numbers()


def test_the_mac_app_is_sharp_on_retina_and_has_an_identifier() -> None:
    plist = metadata.info_plist()
    assert plist["NSHighResolutionCapable"] is True
    assert metadata.BUNDLE_IDENTIFIER == "nl.vastgoedcheck.app"
    assert metadata.version_numbers("1.2") == (1, 2, 0, 0)
