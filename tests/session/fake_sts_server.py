#!/usr/bin/env python3
"""A stand-in STS on loopback that fails on purpose, for `mfalint session`'s end-to-end tests.

The first path segment of the endpoint URL picks the behaviour, so one server serves every case:
  /ok/...              answers like STS (GetSessionToken, AssumeRole, GetCallerIdentity of an IAM user)
  /ok-slow/...         the same after 1 s, so that concurrent runs overlap
  /root/...            like /ok, but the key is the root user's
  /error500/...        HTTP 500 with an HTML page
  /throttle/...        400 Throttling, always
  /throttle-twice/...  400 Throttling on the first two requests to that path, then like /ok
  /malformed/...       200 with truncated XML
  /slow/...            answers after 10 s
  /reset/...           reads the request, then resets the connection
  /skew/...            403 "Signature expired", with a Date 20 minutes behind
  /mfa-denied/...      403 AccessDenied for an invalid MFA code
Each request is logged as one JSON line: path, form parameters, headers.
Usage: fake_sts_server.py --port-file FILE --log FILE
"""
import argparse
import datetime
import email.utils
import json
import os
import socket
import struct
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

counts = {}
lock = threading.Lock()
serial = iter(range(1, 1_000_000))


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def credentials_xml(action, params):
    duration = int(params.get("DurationSeconds", "3600"))
    expiration = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=duration)
    with lock:
        number = next(serial)
    role = ""
    if action == "AssumeRole":
        name = params["RoleArn"].split("/")[-1]
        role = (f"<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/{name}/{params['RoleSessionName']}"
                f"</Arn><AssumedRoleId>AROAEXAMPLE:{params['RoleSessionName']}</AssumedRoleId></AssumedRoleUser>")
    return (f'<{action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><{action}Result>{role}'
            f"<Credentials><AccessKeyId>ASIAFAKE{number:08d}</AccessKeyId>"
            f"<SecretAccessKey>fake-session-secret-{number}</SecretAccessKey>"
            f"<SessionToken>fake-session-token-{number}</SessionToken>"
            f"<Expiration>{iso(expiration)}</Expiration></Credentials></{action}Result>"
            f"<ResponseMetadata><RequestId>r{number}</RequestId></ResponseMetadata></{action}Response>")


def identity_xml(arn):
    return ("<GetCallerIdentityResponse><GetCallerIdentityResult>"
            f"<Arn>{arn}</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>"
            "</GetCallerIdentityResult></GetCallerIdentityResponse>")


def error_xml(code, message):
    return (f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>"
            "<RequestId>e1</RequestId></ErrorResponse>")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body, date=None):
        data = body.encode()
        self.send_response_only(status)
        self.send_header("Date", email.utils.formatdate(date if date is not None else time.time(), usegmt=True))
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def like_sts(self, action, params, arn="arn:aws:iam::123456789012:user/alice"):
        if action == "GetCallerIdentity":
            self.answer(200, identity_xml(arn))
        else:
            self.answer(200, credentials_xml(action, params))

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
        params = dict(urllib.parse.parse_qsl(body, keep_blank_values=True))
        mode = self.path.strip("/").split("/")[0]
        with lock:
            counts[self.path] = counts.get(self.path, 0) + 1
            seen = counts[self.path]
            with open(self.server.log_path, "a") as log:
                log.write(json.dumps({"path": self.path, "params": params, "headers": dict(self.headers)}) + "\n")
        action = params.get("Action", "")
        if mode == "ok":
            self.like_sts(action, params)
        elif mode == "ok-slow":
            time.sleep(1)
            self.like_sts(action, params)
        elif mode == "root":
            self.like_sts(action, params, arn="arn:aws:iam::123456789012:root")
        elif mode == "error500":
            self.answer(500, "<html><body><h1>500 Internal Server Error</h1></body></html>")
        elif mode == "throttle" or (mode == "throttle-twice" and seen <= 2):
            self.answer(400, error_xml("Throttling", "Rate exceeded"))
        elif mode == "throttle-twice":
            self.like_sts(action, params)
        elif mode == "malformed":
            self.answer(200, "<GetSessionTokenResponse><GetSessionTokenResult><Credentials><AccessKeyId>ASIA")
        elif mode == "slow":
            time.sleep(10)
            self.like_sts(action, params)
        elif mode == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
        elif mode == "skew":
            self.answer(403, error_xml("SignatureDoesNotMatch", "Signature expired: 20261129T120000Z is now earlier "
                                       "than 20261129T114000Z (20261129T114500Z - 5 min.)"), date=time.time() - 1200)
        elif mode == "mfa-denied":
            self.answer(403, error_xml("AccessDenied",
                                       "MultiFactorAuthentication failed with invalid MFA one time pass code. "))
        else:
            self.answer(404, error_xml("UnknownMode", self.path))

    def finish(self):
        try:
            super().finish()
        except OSError:
            pass  # the connection was reset on purpose


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--log", required=True)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.log_path = args.log
    open(args.log, "w").close()
    with open(args.port_file + ".tmp", "w") as out:
        out.write(str(server.server_address[1]))
    # Renamed into place so a reader never sees a half-written port.
    os.rename(args.port_file + ".tmp", args.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
