package io.spinewise.catalog.domain;

/** The part of the spine or body an exercise works on; thoracic (mid-back) first. */
public enum BodyRegion {
    THORACIC, CERVICAL, LUMBAR, SHOULDER, HIP, FULL_BODY
}
