//go:build tools

// Package tools pins the Pulumi programs that bin/sandbox builds from their Go modules.
package tools

import (
	_ "github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java"
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
