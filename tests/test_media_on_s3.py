"""Media on an S3-compatible object store (MEDIA_STORAGE=s3), for several app servers: an
upload, its renditions and their deletion work as with local files. Tested against moto's
S3 server (moto[server]), a local server that speaks the S3 protocol over HTTP."""

import json
import urllib.error
import urllib.request

import boto3
import pytest
from django.core.files.storage import storages
from django.utils.functional import empty
from moto.server import ThreadedMotoServer
from sorl.thumbnail import default as sorl_default
from sorl.thumbnail.images import get_or_create_storage

from tests.images import png
from tests.klmitwirkung.test_settings import PRODUCTION_ENV, manage
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db

BUCKET = "klmitwirkung-media"
KEYS = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}
PUBLIC_RENDITIONS = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/renditions/*",
        }
    ],
}


@pytest.fixture(scope="module")
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings):
    client = boto3.client("s3", endpoint_url=s3_server, region_name="eu-central-1", **KEYS)
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
    )
    # As the README tells operators: visitors may read the renditions, nothing else.
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_RENDITIONS))
    # What settings.py makes of MEDIA_STORAGE=s3 (test_the_settings_say_s3 checks that).
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_server,
                "region_name": "eu-central-1",
                "access_key": "test",
                "secret_key": "test",
                "querystring_auth": False,
                "file_overwrite": False,
                "default_acl": None,
            },
        },
    }
    # sorl keeps the storages it first resolved (its default, and each alias it read back
    # from its key-value store); it is to resolve the new one, and afterwards the old again.
    sorl_default.storage._wrapped = empty
    get_or_create_storage.cache_clear()
    yield client
    sorl_default.storage._wrapped = empty
    get_or_create_storage.cache_clear()
    objects = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    for item in objects:
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client):
    return sorted(
        item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    )


def test_uploads_renditions_and_deletion_work_on_the_object_store(
    bucket, client, s3_server, django_capture_on_commit_callbacks
):
    assert storages["default"].__class__.__name__ == "S3Storage"
    with django_capture_on_commit_callbacks(execute=True):
        project = ProjectFactory(image=png("platz.png", size=(1000, 500)), image_alt="Platz")
    project.refresh_from_db()
    stored = keys(bucket)
    assert project.image.name in stored
    renditions = [key for key in stored if key.startswith("renditions/")]
    assert len(renditions) == 3 * 3  # 480, 960 and 1000 pixels, in three formats

    # The page links the renditions on the object store, which serves them.
    page = client.get(project.get_absolute_url()).text
    jpeg = project.image_renditions["jpeg"][0][0]
    address = f"{s3_server}/{BUCKET}/{jpeg}"
    assert address in page
    assert project.image.url not in page
    with urllib.request.urlopen(address) as response:  # noqa: S310 - the local test server
        assert response.read(3) == b"\xff\xd8\xff"  # a JPEG
    # The original is not for visitors.
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{s3_server}/{BUCKET}/{project.image.name}")  # noqa: S310
    assert refused.value.code == 403

    with django_capture_on_commit_callbacks(execute=True):
        project.delete()
    assert keys(bucket) == []


def test_the_settings_say_s3():
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps([settings.STORAGES['default'], settings.SECURE_CSP['img-src']]))"
    )
    env = {
        **PRODUCTION_ENV,
        "MEDIA_STORAGE": "s3",
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": "https://s3.example.org",
        "S3_PUBLIC_URL": "https://media.klmitwirkung.de",
        "S3_ACCESS_KEY": "key",
        "S3_SECRET_KEY": "secret",
    }
    result = manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    storage, images_from = json.loads(result.stdout.strip().splitlines()[-1])
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == BUCKET
    assert options["endpoint_url"] == "https://s3.example.org"
    assert options["custom_domain"] == "media.klmitwirkung.de"
    assert options["querystring_auth"] is False
    # Pages may show images from there, and from nowhere else.
    assert images_from == ["'self'", "data:", "https://media.klmitwirkung.de"]

    without_bucket = {k: v for k, v in env.items() if k != "S3_BUCKET"}
    result = manage("check", env=without_bucket)
    assert result.returncode != 0 and "S3_BUCKET" in result.stderr
