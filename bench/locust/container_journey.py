"""The container journey as a Locust expert writes it: the benchmark's peer for the Gatling simulation.

One process, FastHttpUser (geventhttpclient), each Locust user a registered test user looping journeys:
assign (429/503 retried after Retry-After) -> poll /host_service -> PUT the config token to the host
service (TLS, self-signed) -> poll /status until final -> re-read it -> release the container. The same
requests, polls and checks as the suite's journey, against the same reference webserver.

Settings come from the environment (the benchmark sets them): TARGET (base URL), HOST_SERVICE_PORT,
WEBSERVER_ADMIN_USERNAME / WEBSERVER_ADMIN_PASSWORD, POLL_INTERVAL (seconds), RUN_ID (user names).
"""
import itertools
import os
import secrets

import gevent
from locust import FastHttpUser, constant, task
from locust.exception import RescheduleTask

TARGET = os.environ["TARGET"]
HOST_SERVICE_PORT = int(os.environ["HOST_SERVICE_PORT"])
POLL_INTERVAL = float(os.environ.get("POLL_INTERVAL", "1"))
RUN_ID = os.environ.get("RUN_ID", "locust")
HOST_POLLS = 300
TASK_POLLS = 60
ASSIGN_ATTEMPTS = 5
NEXT_USER = itertools.count()
ADMIN = {}


class ContainerJourney(FastHttpUser):
    host = TARGET
    wait_time = constant(0)
    insecure = True  # the host service's certificate is self-signed

    def on_start(self):
        if "token" not in ADMIN:
            with self.client.post("/admin/login", json={"username": os.environ["WEBSERVER_ADMIN_USERNAME"],
                                                       "password": os.environ["WEBSERVER_ADMIN_PASSWORD"]},
                                  name="admin/login", catch_response=True) as r:
                ADMIN["token"] = r.json()["access_token"]
        self.auth = {"Authorization": "Bearer " + ADMIN["token"]}
        self.username = "load_test_%s_%d" % (RUN_ID, next(NEXT_USER))
        self.client.post("/account/register", json={"username": self.username, "password": secrets.token_hex(8),
                                                    "name": self.username, "feedback": "", "encrypted_config_token": ""},
                         name="account/register")

    @task
    def journey(self):
        task_id = self.assign()
        host = self.wait_for_host()
        self.hand_over_config_token(host)
        container = self.wait_for_task(task_id)
        with self.client.get("/status/" + task_id, name="status (confirm)", catch_response=True) as r:
            if r.status_code != 200 or r.json().get("state") != "SUCCESS":
                r.failure("task no longer SUCCESS")
                raise RescheduleTask()
        with self.client.post("/container/delete", json={"container_id": container["container_id"],
                                                         "private_key": container["secret_key"]},
                              name="container/delete", catch_response=True) as r:
            if r.status_code // 100 != 2:
                r.failure("release: status %d" % r.status_code)

    def assign(self):
        body = {"username": self.username, "app": "Google Chrome", "region": "us-east-1", "dpi": 96}
        for _ in range(ASSIGN_ATTEMPTS):
            with self.client.post("/mandelbox/assign", json=body, headers=self.auth, name="assign",
                                  catch_response=True) as r:
                if r.status_code == 202:
                    return r.json()["ID"]
                if r.status_code in (429, 503):
                    r.success()
                    gevent.sleep(min(float(r.headers.get("Retry-After") or 1), 60))
                    continue
                r.failure("assign: status %d" % r.status_code)
                raise RescheduleTask()
        raise RescheduleTask()

    def wait_for_host(self):
        for _ in range(HOST_POLLS):
            with self.client.get("/host_service", params={"username": self.username}, headers=self.auth,
                                 name="host_service", catch_response=True) as r:
                if r.status_code != 200:
                    r.failure("host_service: status %d" % r.status_code)
                    raise RescheduleTask()
                host = r.json()
                if host.get("user_app_state") in ("FAILURE", "CANCELLED"):
                    r.failure("user state " + host["user_app_state"])
                    raise RescheduleTask()
                if host.get("ip") and host.get("port") and host.get("client_app_auth_secret"):
                    return host
            gevent.sleep(POLL_INTERVAL)
        raise RescheduleTask()

    def hand_over_config_token(self, host):
        url = "https://%s:%d/set_config_encryption_token" % (host["ip"], HOST_SERVICE_PORT)
        body = {"user_id": self.username, "host_port": host["port"], "config_encryption_token": secrets.token_hex(32),
                "client_app_auth_secret": host["client_app_auth_secret"]}
        with self.client.put(url, json=body, name="set_config_encryption_token", catch_response=True) as r:
            if r.status_code // 100 != 2:
                r.failure("token rejected, status %d" % r.status_code)
                raise RescheduleTask()

    def wait_for_task(self, task_id):
        for _ in range(TASK_POLLS):
            with self.client.get("/status/" + task_id, name="status", catch_response=True) as r:
                if r.status_code != 200:
                    r.failure("status %d" % r.status_code)
                    raise RescheduleTask()
                status = r.json()
                if status["state"] == "SUCCESS":
                    return status["output"]
                if status["state"] in ("FAILURE", "CANCELLED", "REVOKED"):
                    r.failure("task " + status["state"])
                    raise RescheduleTask()
            gevent.sleep(POLL_INTERVAL)
        raise RescheduleTask()
