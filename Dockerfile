FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY schemas ./schemas
COPY worker ./worker
RUN python -m pip install --upgrade pip && python -m pip install '.[metrics]' \
    && useradd --system --uid 10001 --no-create-home app

USER app
CMD ["article-worker", "worker"]
