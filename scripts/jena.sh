#!/bin/bash
# Run an Apache Jena command class from Debian's libapache-jena-java jars, e.g.
#   scripts/jena.sh shacl.shacl validate --shapes shapes.ttl --data data.ttl
# Debian ships the jars without Jena's bin/ scripts. Two fixes make them run: an explicit classpath with exactly one
# SLF4J binding, and the xerces resource bundles copied to where Debian's relocated xerces classes look for them.
set -e
J=/usr/share/java
if [ ! -f "$J/jena-shacl.jar" ]; then
  echo "Error: Apache Jena is not installed (apt-get install libapache-jena-java)" >&2
  exit 2
fi
FIX=${JENA_FIX_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/fupin-kg/jena-fix}
if [ ! -d "$FIX/xerces" ]; then
  mkdir -p "$FIX"
  (cd "$FIX" && unzip -qo "$J/jena-core.jar" 'org/apache/jena/ext/xerces/*' && mkdir -p xerces \
     && cp -r org/apache/jena/ext/xerces/impl xerces/ && rm -rf org)
fi
CP="$FIX"
for j in "$J"/jena-arq.jar "$J"/jena-base.jar "$J"/jena-cmds.jar "$J"/jena-core.jar "$J"/jena-dboe-*.jar "$J"/jena-iri.jar \
         "$J"/jena-rdfconnection.jar "$J"/jena-shacl.jar "$J"/jena-shex.jar "$J"/jena-tdb.jar "$J"/jena-tdb2.jar; do
  case "$j" in *-[0-9]*.jar) continue;; esac
  CP="$CP:$j"
done
for d in commons-cli commons-codec commons-compress commons-csv commons-io commons-lang3 dexx.collection gson guava \
         httpclient httpcore jackson-core jackson-databind jakarta.json-api jsonld-java protobuf thrift titanium-json-ld \
         slf4j-api slf4j-nop jcl-over-slf4j; do
  CP="$CP:$J/$d.jar"
done
exec java ${JAVA_OPTS:--Xmx4g} -cp "$CP" "$@"
