"""Uploaded media on S3-compatible object storage, from ``AWS_*`` variables (docs/deploy.md).

Several app servers share no disk: with ``AWS_STORAGE_BUCKET_NAME`` set, settings.py
sends uploads (article images) to that bucket through django-storages (`pip install
'.[s3]'`). The key pair comes from ``AWS_ACCESS_KEY_ID`` and ``AWS_SECRET_ACCESS_KEY``,
read by django-storages itself. ``AWS_S3_ENDPOINT_URL`` selects a provider other than
Amazon (path-style addresses); ``AWS_S3_CUSTOM_DOMAIN`` a public host name for the files
(e.g. a CDN). Files get plain, cacheable URLs, so the bucket (or that host) must let
anyone read.
"""

import os
from urllib.parse import urlsplit


def s3_storage(bucket: str) -> tuple[dict, list[str]]:
    """The ``STORAGES["default"]`` entry for ``bucket``, and the origins its images come
    from (for the Content-Security-Policy's ``img-src``)."""
    endpoint_url = os.environ.get("AWS_S3_ENDPOINT_URL", "")
    custom_domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "")
    region = os.environ.get("AWS_S3_REGION_NAME", "")
    storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url or None,
            "region_name": region or None,
            "custom_domain": custom_domain or None,
            "addressing_style": "path" if endpoint_url else None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    if custom_domain:
        origins = ["https://" + custom_domain.split("/")[0]]
    elif endpoint_url:
        origins = ["{0.scheme}://{0.netloc}".format(urlsplit(endpoint_url))]
    else:  # Amazon names a bucket with or without its region
        origins = [f"https://{bucket}.s3.amazonaws.com"]
        if region:
            origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return storage, origins
