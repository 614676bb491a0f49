package io.spinewise.deploycheck;

/** A container image reference split into name, tag and digest (either may be absent). */
record ImageRef(String name, String tag, String digest) {

    static ImageRef parse(String reference) {
        String rest = reference;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        // A colon after the last slash is a tag; one before it is a registry port.
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageRef(rest, tag, digest);
    }

    /** Pinned: a digest, or a tag that is not "latest". */
    boolean pinned() {
        return digest != null || (tag != null && !tag.equals("latest"));
    }

    String suffix() {
        return (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }
}
