package org.scanvas.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar's manifest, so it is stated once, in the POM. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"scanvas " + (version == null ? "(development build)" : version)};
    }
}
