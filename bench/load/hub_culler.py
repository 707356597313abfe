"""A JupyterHub service that stops single-user servers idle longer than a timeout (decision 032).

Debian's JupyterHub 3.0 has no idle culler of its own and no package of `jupyterhub-idle-culler`;
this is the same rule in a few lines of the standard library: every --every seconds it lists the
users through the hub's REST API and stops each ready server whose `last_activity` is older than
--timeout seconds, unless one of its kernels is busy or was active within the timeout: a cell that
computes for longer than the timeout prints nothing meanwhile, so the server reports no activity,
yet it is not idle; and the hub hears of a server's activity only every so often, later than the
server's kernels show it. It asks the server itself (its /api/kernels, through the proxy at --url). The hub runs it as a managed
service, which gives it JUPYTERHUB_API_URL and JUPYTERHUB_API_TOKEN; its role needs the scopes
list:users, read:users:activity, read:servers, delete:servers and access:servers (see
hub_load.hub_config).

    c.JupyterHub.services = [{"name": "culler",
                              "command": [python, "hub_culler.py", "--url", public_url, "--timeout", "600"]}]
"""
import argparse
import datetime
import json
import os
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def call(method, url):
    """Calls url with the service's token; returns the decoded JSON body, or None."""
    request = urllib.request.Request(url, method=method,
                                     headers={"Authorization": f"token {os.environ['JUPYTERHUB_API_TOKEN']}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
    return json.loads(body) if body else None


def api(method, path):
    """Calls the hub's REST API."""
    return call(method, os.environ["JUPYTERHUB_API_URL"].rstrip("/") + path)


def quiet_servers(users, timeout, now):
    """(user name, server name, server's URL path) of every ready server whose last activity is older
    than timeout seconds."""
    for user in users:
        for server_name, server in (user.get("servers") or {}).items():
            if not server.get("ready") or server.get("pending") or not server.get("last_activity"):
                continue
            if (now - parse_time(server["last_activity"])).total_seconds() > timeout:
                yield user["name"], server_name, server["url"]


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def kernels_active(kernels, timeout, now):
    """Whether a kernel (as a server's /api/kernels lists it) is busy or was active within timeout seconds."""
    return any(kernel.get("execution_state") == "busy"
               or (kernel.get("last_activity") and (now - parse_time(kernel["last_activity"])).total_seconds() <= timeout)
               for kernel in kernels)


def cull_one(public_url, timeout, user, server, server_path):
    """Stops one quiet server unless its kernels are active; returns whether it stopped it."""
    kernels = call("GET", public_url.rstrip("/") + server_path.rstrip("/") + "/api/kernels") or []
    if kernels_active(kernels, timeout, datetime.datetime.now(datetime.timezone.utc)):
        return False
    print(f"culler: stopping the idle server of {user}{'/' + server if server else ''}", file=sys.stderr, flush=True)
    api("DELETE", f"/users/{urllib.parse.quote(user)}/"
                  + (f"servers/{urllib.parse.quote(server)}" if server else "server"))
    return True


def cull_once(public_url, timeout, concurrency):
    """Stops every server idle longer than timeout, up to concurrency at a time (a stop waits for the
    server to end, a second or two each); returns how many it stopped."""
    now = datetime.datetime.now(datetime.timezone.utc)
    quiet = list(quiet_servers(api("GET", "/users"), timeout, now))
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        return sum(pool.map(lambda s: cull_one(public_url, timeout, *s), quiet))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the hub's public URL, where the proxy serves the servers")
    parser.add_argument("--timeout", type=float, default=600, help="seconds of inactivity before a server stops")
    parser.add_argument("--concurrency", type=int, default=10, help="servers stopped at once")
    parser.add_argument("--every", type=float, default=60, help="seconds between two looks")
    args = parser.parse_args()
    while True:
        try:
            cull_once(args.url, args.timeout, args.concurrency)
        except OSError as e:
            print(f"culler: the hub did not answer: {e}", file=sys.stderr, flush=True)
        time.sleep(args.every)


if __name__ == "__main__":
    main()
