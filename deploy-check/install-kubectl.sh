#!/usr/bin/env bash
# Makes `kubectl kustomize` (kubectl with kustomize v4 or newer) available to deploy-check, so
# that k8s/ is rendered by kustomize itself and deploy-check's Java renderer is compared with it.
# Idempotent and quiet: prints nothing when kubectl is already there.
#
# Where kubectl comes from: the java-maven machine image ships the `kubectl` Debian package
# (Google Cloud SDK's, kubectl 1.32 / kustomize 5.5). Its apt repository is not reachable from
# these machines, and Debian's own `kubernetes-client` (1.20) bundles kustomize v2, which cannot
# render k8s/, so there is nothing else to install from the reachable registries.
#
# Exit 1 when no suitable kubectl is available, unless DEPLOY_CHECK_KUBECTL_OPTIONAL=1: the tests
# then still run, on the Java renderer alone, and say so.
set -euo pipefail

has_kustomize() {
    command -v kubectl >/dev/null 2>&1 &&
        kubectl version --client 2>/dev/null | grep -Eq 'Kustomize Version: v([4-9]|[1-9][0-9]+)\.'
}

has_kustomize && exit 0

# A machine whose apt sources do offer the kubectl package (the image's own repository, say).
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -qq kubectl >/dev/null 2>&1 || true
fi

has_kustomize && exit 0

echo "install-kubectl.sh: no kubectl with kustomize v4+ here, and none installable from the reachable registries." >&2
echo "  deploy-check will render k8s/ with its Java renderer only (the kustomize comparison is skipped)." >&2
if [ "${DEPLOY_CHECK_KUBECTL_OPTIONAL:-0}" = 1 ]; then
    exit 0
fi
exit 1
