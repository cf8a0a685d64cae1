// The invalid port fails the build with the CLI's located diagnostic, and nothing is written.
def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/java/app/BadContainers.java').readLines()
def line = source.findIndexOf { it.contains('.defaultPort(70000)') } + 1
assert line > 0
def matcher = log =~ /\[ERROR\] (src\/main\/java\/app\/BadContainers\.java:(\d+):1: error CFC010: .*70000.*)/
assert matcher.find() : 'no located CFC010 diagnostic in the log'
assert matcher.group(2) as int == line : "located at line ${matcher.group(2)}, expected ${line}"
assert log.contains('1 error; nothing was written')
assert !new File(basedir, 'wrangler.toml').text.contains('[[containers]]')
assert !new File(basedir, 'cfc.lock').exists()
return true
