#!/usr/bin/env bash
# kubectl (with kustomize) for deploy-check; where none can be installed, the manifest tests
# still run on deploy-check's Java renderer and say so.
DEPLOY_CHECK_KUBECTL_OPTIONAL=1 exec bash "$(dirname "$0")/../deploy-check/install-kubectl.sh"
