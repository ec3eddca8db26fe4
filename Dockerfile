FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# Dependencies first, from pyproject.toml alone: a change to the code rebuilds only the layers below.
COPY pyproject.toml ./
RUN python -m pip install --upgrade pip \
    && python -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; \
print("\n".join(p["dependencies"] + p["optional-dependencies"]["metrics"]))' > /tmp/requirements.txt \
    && python -m pip install -r /tmp/requirements.txt && rm /tmp/requirements.txt
COPY README.md ./
COPY schemas ./schemas
COPY worker ./worker
RUN python -m pip install --no-deps . \
    && useradd --system --uid 10001 --no-create-home app

USER app
CMD ["article-worker", "worker"]
