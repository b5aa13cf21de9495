"""Building the one-folder app with PyInstaller (build.spec) and testing what it built."""
