"""gunicorn's settings, read from the working directory by `gunicorn sklaida.wsgi`."""

# Access log to standard output, tokens in addresses hashed (sklaida/core/logs.py).
accesslog = "-"
logger_class = "sklaida.core.logs.GunicornLogger"
