import { spawnSync } from "node:child_process";
import os from "node:os";

/** The machine a benchmark ran on, as RESULTS.md describes it. */
export interface MachineInfo {
  cores: number;
  memoryGiB: number;
  cpuModel: string;
  node: string;
  java: string;
  os: string;
  /** 1-minute load average when the run started: the machine is shared, so this says how busy it was. */
  loadAverage: number;
}

function javaVersion(): string {
  const java = process.env.JAVA_HOME ? `${process.env.JAVA_HOME}/bin/java` : "java";
  const result = spawnSync(java, ["-version"], { encoding: "utf8", timeout: 10_000 });
  const firstLine = `${result.stderr ?? ""}${result.stdout ?? ""}`.split("\n").find((l) => l.trim() !== "");
  return firstLine?.trim() ?? "unknown";
}

export function machineInfo(): MachineInfo {
  return {
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    node: process.version,
    java: javaVersion(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
  };
}
