#!/usr/bin/python3
"""One scripted ProcLab session with extra JVM flags, shut down cleanly: a training run for a
class-data-sharing archive or an AOT cache.

  train_session.py JAVA JAR FLAG...
  e.g. JDK 17: train_session.py /usr/lib/jvm/java-17-openjdk-amd64/bin/java JAR -XX:ArchiveClassesAtExit=/tmp/proclab-17.jsa
       JDK 25: train_session.py /usr/lib/jvm/temurin-25-jdk-amd64/bin/java JAR -XX:AOTCacheOutput=/tmp/proclab-25.aot
Use the archive with -XX:SharedArchiveFile=... (or -XX:AOTCache=...) and the *same* JAR path.
"""
import json
import os
import shutil
import sys
import tempfile

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

java, jar, flags = sys.argv[1], sys.argv[2], sys.argv[3:]
tmp = tempfile.mkdtemp()
try:
    os.makedirs(f"{tmp}/kernels/train")
    with open(f"{tmp}/kernels/train/kernel.json", "w") as f:
        json.dump({"argv": [java, "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", *flags,
                            "-jar", os.path.abspath(jar), "kernel", "{connection_file}"],
                   "display_name": "train", "language": "java", "interrupt_mode": "message"}, f)
    ksm = KernelSpecManager()
    ksm.kernel_dirs = [f"{tmp}/kernels"]
    km = KernelManager(kernel_name="train", kernel_spec_manager=ksm)
    km.shutdown_wait_time = 120          # dumping the archive happens at exit and takes seconds
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        for code in ["1+1", 'System.out.println("hi")', "int x = 3;", "x * 2", 'String s = "abc"; s.length()',
                     "class P { int a; P(int a) { this.a = a; } }", "new P(4).a",
                     "List.of(1, 2, 3).stream().map(i -> i * 2).toList()", "Math.sqrt(2)",
                     "for (int i = 0; i < 3; i++) System.out.println(i);", "nonsense(", "1/0"]:
            reply = kc.execute_interactive(code, timeout=60, output_hook=lambda msg: None)
            print(f"{reply['content']['status']:6} {code}")
    finally:
        kc.stop_channels()
        km.shutdown_kernel()
finally:
    shutil.rmtree(tmp, ignore_errors=True)
