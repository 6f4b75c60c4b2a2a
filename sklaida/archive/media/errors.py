"""The two ways a media file can fail: refused at the door, or broken inside."""


class UnsupportedFile(Exception):
    """The file is not one the archive takes (wrong type, unreadable header, too large).

    `str(error)` is a translated sentence for the person who brought the file.
    """


class RenditionError(Exception):
    """The file passed the checks but its decoder failed while making renditions.

    `str(error)` is a translated sentence saying what went wrong.
    """
