/**
 * A Kafka cluster of several combined broker+controller nodes on loopback (KRaft, one JVM each):
 * every node votes in the metadata quorum, so the cluster survives the loss of any one node.
 * Used by `ceasefire stack up --brokers 3` and the cluster test; the one-node stack is `kafka.ts`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ensureKafka,
  ensureKafkaLibs,
  kafkaStatus,
  newClusterId,
  stopKafka,
  type KafkaInfo,
  type KafkaOptions,
} from './kafka.ts';

/** Client ports 29092…, controller ports 29192…: clear of the one-node stack (9092/9093) and the fault suite (19192). */
export const DEFAULT_CLUSTER_PORT = 29092;
export const DEFAULT_CLUSTER_CONTROLLER_PORT = 29192;
export const DEFAULT_CLUSTER_DIR = '.cache/kafka-cluster';

export interface KafkaClusterOptions {
  readonly root: string;
  readonly log?: (line: string) => void;
  /** Number of nodes, default 3 (a quorum of three tolerates one failure). */
  readonly size?: number;
  /** The cluster's directory relative to root (a `node-<id>` dir per node), default `.cache/kafka-cluster`. */
  readonly dir?: string;
  /** Client ports, one per node; default 29092, 29093, … */
  readonly ports?: readonly number[];
  /** Controller ports, one per node; default 29192, 29193, … */
  readonly controllerPorts?: readonly number[];
  /** Replication factor of topics (and the internal ones), default min(size, 3). */
  readonly replicationFactor?: number;
  /** `min.insync.replicas`, default replicationFactor - 1 (2 of 3). */
  readonly minInsyncReplicas?: number;
  /** JVM heap per node, default `-Xms128m -Xmx384m`. */
  readonly heap?: readonly string[];
  readonly startTimeoutMs?: number;
}

/** One node of a running cluster. */
export interface KafkaNodeInfo extends KafkaInfo {
  readonly nodeId: number;
  readonly port: number;
  readonly controllerPort: number;
}

export interface KafkaClusterInfo {
  /** Every node's `host:port`: the KAFKA_BROKERS list. */
  readonly brokers: string[];
  readonly clusterId: string;
  readonly nodes: KafkaNodeInfo[];
  readonly replicationFactor: number;
  readonly minInsyncReplicas: number;
  /** From the first spawn to the last node answering; 0 when all already ran. */
  readonly startedMs: number;
}

/** `cluster.json`: the ids every node was formatted with, so a restarted node finds its cluster. */
interface ClusterIdentity {
  readonly clusterId: string;
  /** Metadata directory id of each node, by node id (the quorum's initial voter set names them). */
  readonly directoryIds: Record<string, string>;
}

interface NodePlan {
  readonly nodeId: number;
  readonly port: number;
  readonly controllerPort: number;
  readonly options: KafkaOptions;
}

function plan(
  opts: KafkaClusterOptions,
  identity?: ClusterIdentity,
): { nodes: NodePlan[]; rf: number; isr: number } {
  const size = opts.size ?? 3;
  if (!Number.isInteger(size) || size < 1) throw new Error(`a cluster needs at least one node, got ${size}`);
  const ports = opts.ports ?? Array.from({ length: size }, (_, i) => DEFAULT_CLUSTER_PORT + i);
  const controllerPorts =
    opts.controllerPorts ?? Array.from({ length: size }, (_, i) => DEFAULT_CLUSTER_CONTROLLER_PORT + i);
  if (ports.length !== size || controllerPorts.length !== size) {
    throw new Error(`a cluster of ${size} needs ${size} client and ${size} controller ports`);
  }
  const rf = opts.replicationFactor ?? Math.min(size, 3);
  const isr = opts.minInsyncReplicas ?? Math.max(1, rf - 1);
  const dir = opts.dir ?? DEFAULT_CLUSTER_DIR;
  const controllers = controllerPorts.map((p) => `127.0.0.1:${p}`);
  // A dynamic quorum (KIP-853) whose initial voters are all the nodes: every node is formatted
  // with the same `--initial-controllers id@host:port:directoryId` list.
  const initial = identity
    ? controllers.map((c, i) => `${i + 1}@${c}:${identity.directoryIds[String(i + 1)]}`).join(',')
    : '';
  const nodes = ports.map((port, i): NodePlan => {
    const nodeId = i + 1;
    const controllerPort = controllerPorts[i]!;
    return {
      nodeId,
      port,
      controllerPort,
      options: {
        root: opts.root,
        ...(opts.log ? { log: (line: string) => opts.log?.(`[node ${nodeId}] ${line}`) } : {}),
        kafkaPort: port,
        controllerPort,
        dir: path.join(dir, `node-${nodeId}`),
        nodeId,
        controllers,
        cluster: { replicationFactor: rf, minInsyncReplicas: isr },
        heap: opts.heap ?? ['-Xms128m', '-Xmx384m'],
        ...(identity
          ? { format: { clusterId: identity.clusterId, quorumArgs: ['--initial-controllers', initial] } }
          : {}),
        ...(opts.startTimeoutMs === undefined ? {} : { startTimeoutMs: opts.startTimeoutMs }),
      },
    };
  });
  return { nodes, rf, isr };
}

const identityFile = (opts: KafkaClusterOptions): string =>
  path.resolve(opts.root, opts.dir ?? DEFAULT_CLUSTER_DIR, 'cluster.json');

async function readIdentity(opts: KafkaClusterOptions): Promise<ClusterIdentity | null> {
  try {
    return JSON.parse(await readFile(identityFile(opts), 'utf8')) as ClusterIdentity;
  } catch {
    return null;
  }
}

/**
 * Start (or reuse) every node of the cluster, in parallel: no node answers before a majority of
 * the quorum runs. A node that died (killed, crashed) is started again on its data; the first
 * start formats every node with one cluster id and the full voter set.
 */
export async function startKafkaCluster(opts: KafkaClusterOptions): Promise<KafkaClusterInfo> {
  await ensureKafkaLibs(opts);
  let identity = await readIdentity(opts);
  const size = opts.size ?? 3;
  if (identity === null) {
    const planned = plan(opts).nodes;
    const formatted = planned.filter((n) =>
      existsSync(path.resolve(opts.root, n.options.dir!, 'data', 'meta.properties')),
    );
    if (formatted.length > 0) {
      throw new Error(
        `kafka cluster: ${identityFile(opts)} is missing but node data exists; remove ${path.dirname(identityFile(opts))} to start afresh`,
      );
    }
    identity = {
      clusterId: newClusterId(),
      directoryIds: Object.fromEntries(planned.map((n) => [String(n.nodeId), newClusterId()])),
    };
    await mkdir(path.dirname(identityFile(opts)), { recursive: true });
    await writeFile(identityFile(opts), `${JSON.stringify(identity, null, 2)}\n`);
  } else if (Object.keys(identity.directoryIds).length !== size) {
    throw new Error(
      `kafka cluster: ${path.dirname(identityFile(opts))} holds a cluster of ${Object.keys(identity.directoryIds).length} nodes, not ${size}`,
    );
  }
  const { nodes, rf, isr } = plan(opts, identity);
  const t0 = Date.now();
  const infos = await Promise.all(nodes.map((n) => ensureKafka(n.options)));
  const nodeInfos = infos.map((info, i): KafkaNodeInfo => {
    const n = nodes[i]!;
    return { ...info, nodeId: n.nodeId, port: n.port, controllerPort: n.controllerPort };
  });
  return {
    brokers: nodes.map((n) => `127.0.0.1:${n.port}`),
    clusterId: identity.clusterId,
    nodes: nodeInfos,
    replicationFactor: rf,
    minInsyncReplicas: isr,
    startedMs: infos.some((i) => i.startedMs > 0) ? Date.now() - t0 : 0,
  };
}

/** Stop every node this cluster dir started (SIGTERM, in parallel). Data stays unless `removeData`. */
export async function stopKafkaCluster(
  opts: KafkaClusterOptions & { removeData?: boolean },
): Promise<{ stopped: number[] }> {
  const { nodes } = plan(opts);
  const results = await Promise.all(nodes.map((n) => stopKafka(n.options)));
  if (opts.removeData)
    await rm(path.resolve(opts.root, opts.dir ?? DEFAULT_CLUSTER_DIR), { recursive: true, force: true });
  return { stopped: results.flatMap((r) => (r.pid === null ? [] : [r.pid])) };
}

/** Whether each node runs and answers. */
export async function kafkaClusterStatus(opts: KafkaClusterOptions): Promise<{
  formatted: boolean;
  brokers: string[];
  nodes: Array<{
    nodeId: number;
    running: boolean;
    answers: boolean;
    pid: number | null;
    memoryKb?: number;
    logFile: string;
  }>;
}> {
  const identity = await readIdentity(opts);
  const { nodes } = plan(opts);
  const statuses = await Promise.all(
    nodes.map(async (n) => {
      const s = await kafkaStatus(n.options);
      return {
        nodeId: n.nodeId,
        running: s.running,
        answers: s.answers,
        pid: s.pid,
        logFile: s.logFile,
        ...(s.memoryKb === undefined ? {} : { memoryKb: s.memoryKb }),
      };
    }),
  );
  return { formatted: identity !== null, brokers: nodes.map((n) => `127.0.0.1:${n.port}`), nodes: statuses };
}
