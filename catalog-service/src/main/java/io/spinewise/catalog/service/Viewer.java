package io.spinewise.catalog.service;

/**
 * Whose eyes a library read is for: the clinic (from the token) and whether the caller is
 * staff (sees the clinic's drafts) or a patient (published entries only).
 */
public record Viewer(String clinicId, boolean staff) {
}
