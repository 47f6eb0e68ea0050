// Command pulumi-language-nodejs is the sandbox's stand-in for Pulumi's Node.js language host, which
// the Go module proxy does not serve (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3
// is refused at every version tried). The CLI needs a nodejs language host only to start a Node policy
// pack: it calls RunPlugin with the pack's directory (pkg/resource/plugin/plugin.go, newPlugin for an
// analyzer), and the host runs @pulumi/pulumi's run-policy-pack from the pack's node_modules with the
// engine address and the pack directory, as Pulumi's host and its pulumi-analyzer-policy script do.
// Running Node programs is not emulated: any other request is refused by name.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
)

// version follows the Pulumi CLI the sandbox pins.
const version = "3.274.1"

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
}

func (host) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: semver.MustParse(version).String()}, nil
}

func (host) Run(context.Context, *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	return nil, status.Error(codes.Unimplemented, "[sandbox] the nodejs host only runs policy packs, not Node programs")
}

// RunPlugin runs a policy pack: node run-policy-pack ENGINE PACK_DIR, in the pack's directory.
func (host) RunPlugin(req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer) error {
	if req.GetKind() != "analyzer" {
		return status.Errorf(codes.Unimplemented, "[sandbox] the nodejs host only runs policy packs, not %s plugins", req.GetKind())
	}
	dir := req.GetInfo().GetProgramDirectory()
	resolve := exec.Command("node", "-e", "console.log(require.resolve('@pulumi/pulumi/cmd/run-policy-pack'))")
	resolve.Dir = dir
	runner, err := resolve.Output()
	if err != nil {
		return fmt.Errorf("the policy pack's dependencies are not installed: run npm ci in %s", dir)
	}
	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()
	args := append([]string{strings.TrimSpace(string(runner))}, req.GetArgs()...)
	cmd := exec.Command("node", append(args, ".")...)
	cmd.Dir = dir
	cmd.Env = req.GetEnv()
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			if ws, ok := exit.Sys().(syscall.WaitStatus); ok {
				return server.Send(&pulumirpc.RunPluginResponse{
					Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: int32(ws.ExitStatus())}})
			}
		}
		return fmt.Errorf("running the policy pack in %s: %w", filepath.Base(dir), err)
	}
	return closer.Close()
}

func main() {
	var cancel chan bool
	if len(os.Args) > 1 { // the engine's address: stop when the engine goes away
		cancel = make(chan bool)
		ctx, stop := context.WithCancel(context.Background())
		go func() { <-ctx.Done(); close(cancel) }()
		if err := rpcutil.Healthcheck(ctx, os.Args[len(os.Args)-1], 5*time.Minute, stop); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancel,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host{})
			return nil
		},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
