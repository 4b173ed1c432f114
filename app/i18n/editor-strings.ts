import type { Lang } from './lang';

/** The side pane's tabs and the scenario editor's labels. Names typed by users are shown as text beside them, never translated. */
export interface EditorStrings {
  readonly editor: string;
  readonly toolbar: string;
  readonly undo: string;
  readonly redo: string;
  readonly rollAgain: string;
  readonly seed: (seed: number) => string;
  readonly resetToPreset: (preset: string) => string;
  readonly resetUnavailable: string;
  readonly errorsTitle: string;
  readonly restoreFailed: string;
  readonly dismiss: string;
  readonly shortcutsHint: string;
  // Sections
  readonly nodes: string;
  readonly pods: string;
  readonly services: string;
  readonly traffic: string;
  // Common
  readonly name: string;
  readonly node: string;
  readonly labels: string;
  readonly labelsHint: string;
  readonly ready: string;
  readonly remove: (name: string) => string;
  readonly add: string;
  readonly apply: string;
  readonly none: string;
  // Nodes
  readonly addNode: string;
  readonly nodeAddresses: (ip: string, cidr: string) => string;
  readonly nextAddresses: (ip: string, cidr: string) => string;
  // Pods
  readonly addPod: string;
  readonly readyOf: (pod: string) => string;
  readonly containerPort: string;
  readonly portName: string;
  readonly editLabels: string;
  readonly pod: string;
  readonly setLabels: string;
  readonly scale: string;
  readonly selector: string;
  readonly replicas: string;
  readonly scaleButton: string;
  readonly selectorRequired: string;
  readonly replicasRange: string;
  readonly podCount: (n: number) => string;
  // Services
  readonly addService: string;
  readonly editService: string;
  readonly service: string;
  readonly port: string;
  readonly targetPort: string;
  readonly targetPortHint: string;
  readonly protocol: string;
  readonly ports: string;
  readonly addPort: string;
  readonly removePort: (n: number) => string;
  readonly clusterIP: string;
  readonly clusterIpAuto: string;
  readonly clusterIpFixed: string;
  readonly fixedAddress: string;
  readonly automatic: string;
  readonly sessionAffinity: string;
  readonly endpoints: (n: number) => string;
  // Traffic
  readonly connections: string;
  readonly connection: (n: number) => string;
  readonly from: string;
  readonly to: string;
  readonly addConnection: string;
  readonly removeConnection: (n: number) => string;
  readonly setTraffic: string;
  readonly podsGroup: string;
  readonly nodesGroup: string;
  readonly toServicesOnly: string;
  // Outside the cluster (schema version 2)
  readonly exposure: string;
  readonly serviceType: string;
  readonly nodePort: string;
  readonly automaticPort: (allocated: number | undefined) => string;
  readonly externalIPs: string;
  readonly loadBalancerIPs: string;
  readonly sourceRanges: string;
  readonly sourceRangesHint: string;
  readonly externalTrafficPolicy: string;
  readonly internalTrafficPolicy: string;
  readonly healthCheckNodePort: string;
  readonly outsideClients: string;
  readonly addClient: string;
  readonly clientPlace: string;
  readonly clientPlaces: Readonly<Record<'host' | 'router' | 'load-balancer', string>>;
  readonly address: string;
  readonly outsideGroup: string;
  readonly sentTo: string;
  readonly targets: {
    readonly clusterIp: (address: string) => string;
    readonly nodePort: (node: string, address: string) => string;
    readonly externalIp: (address: string) => string;
    readonly loadBalancer: (address: string) => string;
  };
}

export const editorStrings: Readonly<Record<Lang, EditorStrings>> = {
  en: {
    editor: 'Scenario editor',
    toolbar: 'Scenario history',
    undo: 'Undo',
    redo: 'Redo',
    rollAgain: 'Roll again',
    seed: (n) => `seed ${n}`,
    resetToPreset: (p) => `Reset to preset “${p}”`,
    resetUnavailable: 'Reset to preset',
    errorsTitle: 'The change was not applied; the page still shows the last good scenario:',
    restoreFailed: 'The scenario saved in this browser could not be read, so it was ignored:',
    dismiss: 'Dismiss',
    shortcutsHint: 'Ctrl+Z undoes, Ctrl+Shift+Z redoes (⌘ on a Mac) while the editor has focus.',
    nodes: 'Nodes',
    pods: 'Pods',
    services: 'Services',
    traffic: 'Traffic',
    name: 'Name',
    node: 'Node',
    labels: 'Labels',
    labelsHint: 'key=value, separated by commas',
    ready: 'Ready',
    remove: (n) => `Remove ${n}`,
    add: 'Add',
    apply: 'Apply',
    none: 'none',
    addNode: 'Add node',
    nodeAddresses: (ip, cidr) => `${ip}, pods ${cidr}`,
    nextAddresses: (ip, cidr) => `It gets ${ip} and the pod CIDR ${cidr}.`,
    addPod: 'Add pod',
    readyOf: (p) => `${p} is ready`,
    containerPort: 'Container port',
    portName: 'Port name',
    editLabels: 'Change labels',
    pod: 'Pod',
    setLabels: 'Set labels',
    scale: 'Scale a group',
    selector: 'Selector',
    replicas: 'Replicas',
    scaleButton: 'Scale',
    selectorRequired: 'name at least one label, or the group would be every pod',
    replicasRange: 'must be a whole number from 0 to 500',
    podCount: (n) => (n === 1 ? '1 pod' : `${n} pods`),
    addService: 'Add Service',
    editService: 'Change a Service',
    service: 'Service',
    port: 'Port',
    targetPort: 'Target port',
    targetPortHint: 'a number, or a container port’s name',
    protocol: 'Protocol',
    ports: 'Ports',
    addPort: 'Add port',
    removePort: (n) => `Remove port ${n}`,
    clusterIP: 'Cluster IP',
    clusterIpAuto: 'Automatic (from the service CIDR)',
    clusterIpFixed: 'Fixed',
    fixedAddress: 'Fixed cluster IP',
    automatic: 'automatic',
    sessionAffinity: 'Session affinity',
    endpoints: (n) => (n === 1 ? '1 ready endpoint' : `${n} ready endpoints`),
    connections: 'Connections',
    connection: (n) => `Connection ${n}`,
    from: 'From',
    to: 'To',
    addConnection: 'Add connection',
    removeConnection: (n) => `Remove connection ${n}`,
    setTraffic: 'Apply traffic',
    podsGroup: 'Pods',
    nodesGroup: 'Nodes (a process on the node)',
    toServicesOnly: 'Traffic goes to a Service; sending straight to a pod is not in the scenario format yet.',
    exposure: 'How it is reached',
    serviceType: 'Type',
    nodePort: 'Node port',
    automaticPort: (n) => (n === undefined ? 'auto' : `auto: ${n}`),
    externalIPs: 'External IPs',
    loadBalancerIPs: 'Load balancer IPs',
    sourceRanges: 'Source ranges',
    sourceRangesHint: 'CIDRs; empty lets every source in',
    externalTrafficPolicy: 'External traffic policy',
    internalTrafficPolicy: 'Internal traffic policy',
    healthCheckNodePort: 'Health check port',
    outsideClients: 'Outside clients',
    addClient: 'Add client',
    clientPlace: 'Where',
    clientPlaces: {
      host: 'On the nodes’ network',
      router: 'Internet, through the router',
      'load-balancer': 'Internet, through the cloud load balancer',
    },
    address: 'Address',
    outsideGroup: 'Outside the cluster',
    sentTo: 'Sent to',
    targets: {
      clusterIp: (a) => `cluster IP ${a}`,
      nodePort: (node, a) => `${node} ${a} (node port)`,
      externalIp: (a) => `external IP ${a}`,
      loadBalancer: (a) => `load balancer ${a}`,
    },
  },
  zh: {
    editor: '场景编辑器',
    toolbar: '场景历史',
    undo: '撤销',
    redo: '重做',
    rollAgain: '重新掷骰',
    seed: (n) => `种子 ${n}`,
    resetToPreset: (p) => `重置为预设“${p}”`,
    resetUnavailable: '重置为预设',
    errorsTitle: '修改未生效，页面仍显示上一个有效的场景：',
    restoreFailed: '本浏览器保存的场景无法读取，已忽略：',
    dismiss: '关闭',
    shortcutsHint: '焦点在编辑器内时，Ctrl+Z 撤销，Ctrl+Shift+Z 重做（Mac 上用 ⌘）。',
    nodes: '节点',
    pods: 'Pod',
    services: 'Service',
    traffic: '流量',
    name: '名称',
    node: '节点',
    labels: '标签',
    labelsHint: 'key=value，用逗号分隔',
    ready: '就绪',
    remove: (n) => `删除 ${n}`,
    add: '添加',
    apply: '应用',
    none: '无',
    addNode: '添加节点',
    nodeAddresses: (ip, cidr) => `${ip}，Pod 网段 ${cidr}`,
    nextAddresses: (ip, cidr) => `新节点的地址是 ${ip}，Pod 网段是 ${cidr}。`,
    addPod: '添加 Pod',
    readyOf: (p) => `${p} 已就绪`,
    containerPort: '容器端口',
    portName: '端口名',
    editLabels: '修改标签',
    pod: 'Pod',
    setLabels: '设置标签',
    scale: '扩缩一组 Pod',
    selector: '选择器',
    replicas: '副本数',
    scaleButton: '扩缩',
    selectorRequired: '至少写一个标签，否则这一组就是所有 Pod',
    replicasRange: '必须是 0 到 500 之间的整数',
    podCount: (n) => `${n} 个 Pod`,
    addService: '添加 Service',
    editService: '修改 Service',
    service: 'Service',
    port: '端口',
    targetPort: '目标端口',
    targetPortHint: '数字，或容器端口的名称',
    protocol: '协议',
    ports: '端口',
    addPort: '添加端口',
    removePort: (n) => `删除端口 ${n}`,
    clusterIP: 'Cluster IP',
    clusterIpAuto: '自动（从 Service 网段分配）',
    clusterIpFixed: '固定',
    fixedAddress: '固定的 Cluster IP',
    automatic: '自动',
    sessionAffinity: '会话保持',
    endpoints: (n) => `${n} 个就绪的后端`,
    connections: '连接',
    connection: (n) => `连接 ${n}`,
    from: '来源',
    to: '目标',
    addConnection: '添加连接',
    removeConnection: (n) => `删除连接 ${n}`,
    setTraffic: '应用流量',
    podsGroup: 'Pod',
    nodesGroup: '节点（节点上的进程）',
    toServicesOnly: '流量的目标是 Service；场景格式暂不支持直接发往 Pod。',
    exposure: '访问方式',
    serviceType: '类型',
    nodePort: '节点端口',
    automaticPort: (n) => (n === undefined ? '自动' : `自动：${n}`),
    externalIPs: '外部 IP',
    loadBalancerIPs: '负载均衡器 IP',
    sourceRanges: '来源网段',
    sourceRangesHint: 'CIDR；留空则允许所有来源',
    externalTrafficPolicy: '外部流量策略',
    internalTrafficPolicy: '内部流量策略',
    healthCheckNodePort: '健康检查端口',
    outsideClients: '集群外的客户端',
    addClient: '添加客户端',
    clientPlace: '位置',
    clientPlaces: {
      host: '节点所在的网络',
      router: '互联网，经路由器',
      'load-balancer': '互联网，经云负载均衡器',
    },
    address: '地址',
    outsideGroup: '集群外',
    sentTo: '发往',
    targets: {
      clusterIp: (a) => `Cluster IP ${a}`,
      nodePort: (node, a) => `${node} ${a}（节点端口）`,
      externalIp: (a) => `外部 IP ${a}`,
      loadBalancer: (a) => `负载均衡器 ${a}`,
    },
  },
};
