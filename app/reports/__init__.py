"""Reports written to files (Excel) from the services' plain results."""
