package io.spinewise.catalog.domain;

/** What a clinic's media file is: a photo (re-encoded on upload) or a video (stored as sent). */
public enum MediaKind {
    IMAGE, VIDEO
}
