"""gunicorn's settings for Newsroom, read by gunicorn when started from this folder.

Everything else (bind address, workers) is given on the command line.
"""

import gc


def post_worker_init(worker):
    # The objects made while loading Django and the site live as long as the
    # worker: kept out of the garbage collector's reach, its full collections
    # stop walking them again and again, request after request.
    gc.freeze()
