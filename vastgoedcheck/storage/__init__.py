"""The local store: checks kept on this computer, safely, one small TinyDB file per check."""
