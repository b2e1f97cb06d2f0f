package dev.tokenhook.core.leaksample.internal;

/** A public type in an internal package: what {@code ArchitectureTest}'s rule must find. */
public final class PublicHelper {

    private PublicHelper() {
    }
}
