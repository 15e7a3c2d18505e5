#!/usr/bin/env python3
"""Signs requests with botocore's SigV4Auth at a fixed time, for comparison with mfalint's signer.

Input, one request per line, tab-separated:
  method url region service key_id secret amz_date content_type body
Output: the Authorization header of each request, one per line.
"""
import datetime
import sys
from unittest import mock

from botocore import auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def sign(method, url, region, service, key_id, secret, amz_date, content_type, body):
    when = datetime.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
    request = AWSRequest(method=method, url=url, data=body, headers={"Content-Type": content_type})
    with mock.patch.object(auth, "get_current_datetime", return_value=when):
        auth.SigV4Auth(Credentials(key_id, secret), service, region).add_auth(request)
    return request.headers["Authorization"]


for line in sys.stdin.read().splitlines():
    print(sign(*line.split("\t")))
