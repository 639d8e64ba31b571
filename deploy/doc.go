// Package deploy runs the concbench suite on many machines: a container
// image that needs no Go toolchain, and a Kubernetes Indexed Job that runs
// it once on each of several node shapes. It holds no Go code of its own;
// its tests check the files below against each other and against the
// driver, the concbench command (cmd/concbench).
//
//	Containerfile  the image, FROM scratch (make image, make image-binaries)
//	job.yaml       the Indexed Job, one pod per instance type
//	pvc.yaml       the ReadWriteMany volume the pods write their run folders into
//	reader/pod.yaml  a pod that mounts that volume, for kubectl cp
//
// # The image
//
// make image-binaries builds three static programs (CGO_ENABLED=0) for
// linux/IMAGE_ARCH into the build context IMAGE_CONTEXT (build/image):
// the benchmark binary (go test -c ./bench), the concbench command (the
// driver and the report) and benchstat (golang.org/x/perf/cmd/benchstat,
// the tool of go.mod), and adds an empty tmp folder of mode 1777 (as tmp.tar, which
// ADD unpacks keeping its mode) and the Containerfile. make image runs
// podman build on it and tags the image IMAGE
// (ghcr.io/OWNER/concbench:latest until you set it); nothing is fetched,
// as the base is scratch. The entry point is
//
//	/usr/local/bin/concbench -bin /usr/local/bin/bench.test -benchstat-bin /usr/local/bin/benchstat -results /results
//
// (go doc ./cmd/concbench: "Without Go"), and the default arguments
// are make bench-quick's; arguments given to podman run replace them:
//
//	podman run --rm -v "$PWD/results:/results" ghcr.io/OWNER/concbench:latest -scale full -count 15 -host "$(hostname)"
//
// The image runs as user 65532, so the results folder must be writable by
// it. The process and exec strategies start their workers by re-executing
// the benchmark binary itself (os.Executable, through /proc/self/exe), so
// they need nothing else in the image. The File workload and the driver
// need a writable temporary folder, which scratch lacks: the image has an
// empty /tmp (TMPDIR=/tmp), and the Job mounts a node-local emptyDir over
// it. It is not put on the results volume, because that is a network file
// system in a cluster, and the File workload would measure it instead of
// the node's disk. The loopback Fetch workload needs no CA certificates.
// A fleet of amd64 and arm64 nodes needs an image per architecture
// (IMAGE_ARCH=arm64) joined in a manifest list (podman manifest).
//
// # The Job
//
// An Indexed Job has one pod template, so it cannot name a node shape per
// index; instead a required pod anti-affinity on the Job's own pods
// (label batch.kubernetes.io/job-name) with topology key
// node.kubernetes.io/instance-type puts each index on an instance type of
// its own. completions and parallelism are both the number of shapes (3),
// so every index runs at once; with fewer instance types, the extra pods
// stay Pending. To pick the shapes, run one Job per shape with a
// nodeSelector on node.kubernetes.io/instance-type instead.
//
// Requests equal limits, in whole CPUs (cpu "2", memory 4Gi): the pod is
// of the Guaranteed QoS class, so with the kubelet's static CPU manager
// policy it runs on two CPUs of its own, not under a CFS quota; raw.txt's
// numcpu and cgroup-cpus lines record which it got. Each pod passes its
// node's name (the downward API's spec.nodeName, as NODE_NAME) to
// concbench -host, so its run folder on the shared volume is
// /results/<UTC time>-<node name>. restartPolicy is Never, each index is
// retried at most once (backoffLimitPerIndex), and the whole Job is
// stopped after an hour (activeDeadlineSeconds).
//
// Two CPUs a pod compare the shapes' CPU models, memory and kernels at one
// core count, the count make bench's defaults were chosen for. To see how
// the answer moves with cores (the fleet report's speedup against cores
// and its fit), give a shape more: cpu requests equal to limits, in whole
// CPUs, up to what its nodes can allocate. The pods of an Indexed Job share
// one request, so that is one Job per shape, each with its nodeSelector
// and its cpu; the Go runtime then sees that many CPUs (numcpu), and the
// GOMAXPROCS sweep of each run goes up to them.
//
// # Tests
//
// The manifest tests decode every YAML document strictly (an unknown or
// misspelt field is an error) into the k8s.io/api types and check the
// Job against the Containerfile and the driver: the image is the
// Makefile's IMAGE, the command is the image's entry point, every
// argument is a flag concbench accepts with the prebuilt programs at the
// paths the image installs them, -host names an environment variable the
// pod sets from the node's name, -results is the mount of the claim of
// pvc.yaml. The image test builds the image with podman when it is on the
// PATH and runs a small benchmark in it where podman can run containers;
// otherwise it says why it skipped. Where podman's defaults cannot start
// a container (a sandbox that forbids raising rlimits, hybrid cgroups),
// CONCBENCH_PODMAN_RUN adds flags to podman run, for example
//
//	CONCBENCH_PODMAN_RUN='--runtime runc --ulimit nofile=20000:20000 --ulimit nproc=4096:4096' go test ./deploy
package deploy
