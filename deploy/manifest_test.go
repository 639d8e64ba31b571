package deploy

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"sigs.k8s.io/yaml"
)

// jobNameLabel is the label the Job controller puts on a Job's pods.
const jobNameLabel = "batch.kubernetes.io/job-name"

// TestManifestsDecodeStrictly decodes every document of every manifest
// strictly into the type its kind names, and checks that strictness
// catches a misspelt field.
func TestManifestsDecodeStrictly(t *testing.T) {
	for _, file := range manifests {
		for i, doc := range documents(t, file) {
			var tm metav1.TypeMeta
			if err := yaml.Unmarshal(doc, &tm); err != nil {
				t.Fatalf("%s, document %d: %v", file, i+1, err)
			}
			var v any
			switch tm.APIVersion + " " + tm.Kind {
			case "batch/v1 Job":
				v = &batchv1.Job{}
			case "v1 PersistentVolumeClaim":
				v = &corev1.PersistentVolumeClaim{}
			case "v1 Pod":
				v = &corev1.Pod{}
			default:
				t.Fatalf("%s, document %d: unexpected kind %q of apiVersion %q", file, i+1, tm.Kind, tm.APIVersion)
			}
			if err := yaml.UnmarshalStrict(doc, v); err != nil {
				t.Errorf("%s, document %d (%s): %v", file, i+1, tm.Kind, err)
			}
		}
	}
	doc := documents(t, "job.yaml")[0]
	bad := strings.Replace(string(doc), "completionMode:", "completionMod:", 1)
	if err := yaml.UnmarshalStrict([]byte(bad), &batchv1.Job{}); err == nil || !strings.Contains(err.Error(), "completionMod") {
		t.Errorf("a misspelt field decoded without the error naming it: %v", err)
	}
}

// loadJob returns the Job of job.yaml and its one container.
func loadJob(t *testing.T) (*batchv1.Job, corev1.Container) {
	t.Helper()
	var job batchv1.Job
	decodeOne(t, "job.yaml", &job)
	cs := job.Spec.Template.Spec.Containers
	if len(cs) != 1 {
		t.Fatalf("job.yaml: %d containers, want 1", len(cs))
	}
	return &job, cs[0]
}

// TestJobIndexed checks one pod per index, all at once, none retried
// forever, none running forever.
func TestJobIndexed(t *testing.T) {
	job, _ := loadJob(t)
	s := job.Spec
	if s.CompletionMode == nil || *s.CompletionMode != batchv1.IndexedCompletion {
		t.Errorf("completionMode %v, want Indexed", s.CompletionMode)
	}
	if s.Completions == nil || s.Parallelism == nil || *s.Completions != *s.Parallelism || *s.Completions < 2 {
		t.Errorf("completions %v, parallelism %v: want them equal and at least 2, one pod per node shape at once", s.Completions, s.Parallelism)
	}
	if s.BackoffLimitPerIndex == nil || *s.BackoffLimitPerIndex > 1 {
		t.Errorf("backoffLimitPerIndex %v, want 0 or 1: one completion per index, a failed one retried at most once", s.BackoffLimitPerIndex)
	}
	if s.BackoffLimit == nil || *s.BackoffLimit > *s.Completions {
		t.Errorf("backoffLimit %v, want at most the completions", s.BackoffLimit)
	}
	if s.ActiveDeadlineSeconds == nil || *s.ActiveDeadlineSeconds < 15*60 || *s.ActiveDeadlineSeconds > 3*3600 {
		t.Errorf("activeDeadlineSeconds %v, want between make bench's 10 minutes plus the pull and 3 hours", s.ActiveDeadlineSeconds)
	}
	if p := s.Template.Spec.RestartPolicy; p != corev1.RestartPolicyNever {
		t.Errorf("restartPolicy %q, want Never", p)
	}
}

// TestJobAntiAffinity checks that no two pods of the Job can share an
// instance type: a required anti-affinity term whose selector matches the
// Job's pods as the Job controller labels them.
func TestJobAntiAffinity(t *testing.T) {
	job, _ := loadJob(t)
	a := job.Spec.Template.Spec.Affinity
	if a == nil || a.PodAntiAffinity == nil {
		t.Fatal("no podAntiAffinity")
	}
	podLabels := labels.Set{jobNameLabel: job.Name}
	for k, v := range job.Spec.Template.Labels {
		podLabels[k] = v
	}
	for _, term := range a.PodAntiAffinity.RequiredDuringSchedulingIgnoredDuringExecution {
		sel, err := metav1.LabelSelectorAsSelector(term.LabelSelector)
		if err != nil {
			t.Fatalf("anti-affinity selector: %v", err)
		}
		if term.TopologyKey == corev1.LabelInstanceTypeStable && !sel.Empty() && sel.Matches(podLabels) && len(term.Namespaces) == 0 && term.NamespaceSelector == nil {
			return
		}
	}
	t.Errorf("no required anti-affinity term with topologyKey %s selects the Job's own pods (%v) in its namespace: %+v", corev1.LabelInstanceTypeStable, podLabels, a.PodAntiAffinity)
}

// TestJobResources checks the Guaranteed QoS class with whole CPUs:
// requests equal to limits for CPU and memory, and a whole number of CPUs.
func TestJobResources(t *testing.T) {
	_, c := loadJob(t)
	req, lim := c.Resources.Requests, c.Resources.Limits
	for _, r := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		q, ok1 := req[r]
		l, ok2 := lim[r]
		if !ok1 || !ok2 || q.Cmp(l) != 0 {
			t.Errorf("%s: request %v, limit %v; want both, equal", r, req[r], lim[r])
		}
	}
	if cpu := req[corev1.ResourceCPU]; cpu.MilliValue()%1000 != 0 || cpu.MilliValue() < 1000 {
		t.Errorf("cpu %v is not a whole number of CPUs: the static CPU manager pins only whole CPUs", cpu.String())
	}
	if len(req) != 2 || len(lim) != 2 {
		t.Errorf("requests %v, limits %v: want cpu and memory only", req, lim)
	}
}

// TestJobRunsTheImage checks the Job against the Makefile, the
// Containerfile and the driver: the image is the Makefile's IMAGE, the
// command is the image's entry point, the arguments are flags concbench
// accepts, with the image's prebuilt programs and its entry point's
// values, -host an environment variable set from the node's name, and
// -results the mount of pvc.yaml's claim.
func TestJobRunsTheImage(t *testing.T) {
	job, c := loadJob(t)
	mk, err := os.ReadFile("../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^IMAGE\s*\?=\s*(\S+)$`).FindSubmatch(mk)
	if m == nil {
		t.Fatal("Makefile: no IMAGE ?= line")
	}
	if c.Image != string(m[1]) {
		t.Errorf("image %q, want the Makefile's IMAGE %q, the placeholder docs/fleet.md tells users to replace", c.Image, m[1])
	}

	cf := readContainerfile(t)
	if len(cf.entrypoint) == 0 || !cf.installed[cf.entrypoint[0]] {
		t.Fatalf("Containerfile: entry point %q is not a file the Containerfile installs (%v)", cf.entrypoint, cf.installed)
	}
	if !slices.Equal(c.Command, cf.entrypoint[:1]) {
		t.Errorf("command %q, want the image's entry point %q", c.Command, cf.entrypoint[:1])
	}
	kinds := flagKinds(t)
	image, err := parseArgs(cf.entrypoint[1:], kinds)
	if err != nil {
		t.Fatalf("Containerfile ENTRYPOINT: %v", err)
	}
	if _, err := parseArgs(cf.cmd, kinds); err != nil {
		t.Errorf("Containerfile CMD: %v", err)
	}
	args, err := parseArgs(c.Args, kinds)
	if err != nil {
		t.Fatalf("job.yaml args: %v", err)
	}
	for name, v := range image {
		if args[name] != v {
			t.Errorf("job.yaml: -%s is %q, want the image's entry point's %q", name, args[name], v)
		}
	}
	for _, name := range []string{"bin", "benchstat-bin"} {
		if !cf.installed[args[name]] {
			t.Errorf("-%s %q is not a file the Containerfile installs (%v)", name, args[name], cf.installed)
		}
	}

	// -host $(NODE_NAME): a variable of the container, from the node.
	ref := regexp.MustCompile(`^\$\(([A-Z_][A-Z0-9_]*)\)$`).FindStringSubmatch(args["host"])
	if ref == nil {
		t.Fatalf("-host %q, want $(VAR) naming the node", args["host"])
	}
	var fromNode bool
	for _, e := range c.Env {
		fromNode = fromNode || e.Name == ref[1] && e.ValueFrom != nil && e.ValueFrom.FieldRef != nil && e.ValueFrom.FieldRef.FieldPath == "spec.nodeName"
	}
	if !fromNode {
		t.Errorf("-host %s: the container sets no %s from the downward API's spec.nodeName: %+v", args["host"], ref[1], c.Env)
	}

	// -results: the mount of pvc.yaml's claim, shared by every pod.
	var pvc corev1.PersistentVolumeClaim
	decodeOne(t, "pvc.yaml", &pvc)
	if !slices.Contains(pvc.Spec.AccessModes, corev1.ReadWriteMany) {
		t.Errorf("pvc.yaml: access modes %v, want ReadWriteMany: pods on different nodes write to it at once", pvc.Spec.AccessModes)
	}
	if got := mountVolume(t, job, c, args["results"]); got.PersistentVolumeClaim == nil || got.PersistentVolumeClaim.ClaimName != pvc.Name || got.PersistentVolumeClaim.ReadOnly {
		t.Errorf("-results %s: volume %+v, want a writable mount of the claim %s", args["results"], got, pvc.Name)
	}
	if got := mountVolume(t, job, c, cf.env["TMPDIR"]); got.EmptyDir == nil {
		t.Errorf("TMPDIR %s: volume %+v, want a node-local emptyDir", cf.env["TMPDIR"], got)
	}

	// The image's user, so that the results volume is writable by it.
	sc := job.Spec.Template.Spec.SecurityContext
	if sc == nil || sc.RunAsUser == nil || sc.RunAsGroup == nil || sc.FSGroup == nil ||
		fmt.Sprintf("%d:%d", *sc.RunAsUser, *sc.RunAsGroup) != cf.user || *sc.FSGroup != *sc.RunAsGroup {
		t.Errorf("pod securityContext %+v, want runAsUser:runAsGroup the image's USER %s, and fsGroup its group", sc, cf.user)
	}
}

// mountVolume returns the volume the container mounts at dir, failing t
// if it mounts none there.
func mountVolume(t *testing.T, job *batchv1.Job, c corev1.Container, dir string) corev1.VolumeSource {
	t.Helper()
	for _, m := range c.VolumeMounts {
		if m.MountPath != dir {
			continue
		}
		if m.ReadOnly || m.SubPath != "" {
			t.Errorf("the mount at %s is read-only or a subPath: %+v", dir, m)
		}
		for _, v := range job.Spec.Template.Spec.Volumes {
			if v.Name == m.Name {
				return v.VolumeSource
			}
		}
		t.Fatalf("the mount at %s names volume %q, which the pod does not have", dir, m.Name)
	}
	t.Fatalf("the container mounts nothing at %s: %+v", dir, c.VolumeMounts)
	return corev1.VolumeSource{}
}
