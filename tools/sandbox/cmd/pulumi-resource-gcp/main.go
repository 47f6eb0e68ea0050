// Command pulumi-resource-gcp is the sandbox's emulated gcp provider plugin (version 7.0.0). The
// Pulumi engine starts it like any resource plugin; it keeps the cloud in $CQC_SANDBOX_CLOUD.
package main

import (
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	rprovider "github.com/pulumi/pulumi/sdk/v3/go/pulumi/provider"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/cqc/cqc-scheduler/tools/sandbox/internal/cloud"
	"github.com/cqc/cqc-scheduler/tools/sandbox/internal/provider"
)

func main() {
	path := os.Getenv("CQC_SANDBOX_CLOUD")
	if path == "" {
		fmt.Fprintln(os.Stderr, "pulumi-resource-gcp (sandbox): CQC_SANDBOX_CLOUD is not set; run it through bin/sandbox")
		os.Exit(1)
	}
	err := rprovider.Main("gcp", func(*rprovider.HostClient) (pulumirpc.ResourceProviderServer, error) {
		return plugin.NewProviderServer(provider.New(cloud.Open(path))), nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
