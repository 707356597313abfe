"""The way to many servers, checked as far as this machine allows (issue 21): deploy/config.yaml for
Zero to JupyterHub parses, uses only keys the jupyterhub Helm chart documents, and sets what a ProcLab
class needs; deploy/Dockerfile builds on a Jupyter Docker Stacks image and installs the kernelspec.
Neither can be deployed or built here (no Kubernetes, no Docker engine): docs/deployment.md."""
import pathlib
import re

import pytest

yaml = pytest.importorskip("yaml", reason="PyYAML is not installed (apt-get install python3-yaml)")

ROOT = pathlib.Path(__file__).resolve().parent.parent
CONFIG = ROOT / "deploy" / "config.yaml"
DOCKERFILE = ROOT / "deploy" / "Dockerfile"

# Key paths of the chart's values that deploy/config.yaml may use, as the chart documents them (its
# values.schema.yaml and configuration reference); below hub.config (traitlets: Class.trait) and
# singleuser.extraEnv (variable names) any name is allowed.
CHART_KEYS = {
    "hub.config",
    "singleuser.image.name", "singleuser.image.tag",
    "singleuser.memory.limit", "singleuser.memory.guarantee",
    "singleuser.cpu.limit", "singleuser.cpu.guarantee",
    "singleuser.extraEnv", "singleuser.defaultUrl", "singleuser.startTimeout", "singleuser.storage.capacity",
    "cull.enabled", "cull.timeout", "cull.every", "cull.concurrency", "cull.users", "cull.maxAge",
    "cull.removeNamedServers",
    "scheduling.userScheduler.enabled", "scheduling.podPriority.enabled",
    "scheduling.userPlaceholder.enabled", "scheduling.userPlaceholder.replicas",
    "prePuller.hook.enabled", "prePuller.continuous.enabled",
}
FREE_FORM = {"hub.config", "singleuser.extraEnv"}


def key_paths(tree, prefix=""):
    """Dotted paths of the leaves of tree, stopping at the free-form maps."""
    for key, value in tree.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and path not in FREE_FORM:
            yield from key_paths(value, path + ".")
        else:
            yield path


def byte_size(text):
    """A chart memory figure ("1G", "512M": JupyterHub's ByteSpecification, powers of 1024) in bytes."""
    number, unit = re.fullmatch(r"([0-9.]+)([KMGT]?)", str(text)).groups()
    return int(float(number) * 1024 ** " KMGT".index(unit or " "))


@pytest.fixture(scope="module")
def config():
    return yaml.safe_load(CONFIG.read_text(encoding="utf-8"))


def test_the_config_uses_only_keys_the_chart_documents(config):
    used = set(key_paths(config))
    assert used - CHART_KEYS == set(), f"not keys of the jupyterhub chart: {sorted(used - CHART_KEYS)}"


def test_the_config_limits_each_student_and_gives_the_kernel_its_environment(config):
    singleuser = config["singleuser"]
    assert singleuser["image"]["name"] and singleuser["image"]["tag"]
    limit, guarantee = byte_size(singleuser["memory"]["limit"]), byte_size(singleuser["memory"]["guarantee"])
    assert 0 < guarantee <= limit
    # the lesson's Pool(4) must fit: the Jupyter server keeps 128 MiB, the kernel 200 MiB and each child needs at
    # least 96 MiB (decision 029, amended)
    assert limit >= (128 + 200 + 4 * 96) * 2 ** 20
    assert 0 < float(singleuser["cpu"]["guarantee"]) <= float(singleuser["cpu"]["limit"])
    assert singleuser["extraEnv"]["PROCLAB_WARMUP_SNIPPETS"] == "0"


def test_the_config_culls_idle_servers(config):
    cull = config["cull"]
    assert cull["enabled"] is True
    assert 0 < cull["every"] <= cull["timeout"]


def test_the_image_is_a_docker_stacks_image_with_a_jdk_and_the_kernelspec():
    text = DOCKERFILE.read_text(encoding="utf-8")
    stages = re.findall(r"^FROM (\S+)", text, re.MULTILINE)
    assert stages[-1].startswith("quay.io/jupyter/base-notebook"), stages
    assert re.search(r"openjdk-\d+-jdk-headless", text)
    assert "proclab.jar install --prefix" in text
    assert re.search(r'^ARG COURSE_URL=""$', text, re.MULTILINE), "a build argument links the course"
    assert '${COURSE_URL:+--course-url "$COURSE_URL"}' in text
    for jar in re.findall(r"/src/(proclab-app/target/[\w.-]+\.jar)", text):
        assert jar in ("proclab-app/target/proclab.jar", "proclab-app/target/proclab-mp.jar"), jar
