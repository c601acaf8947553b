import json, random, sys
random.seed(1)
def obj(props): return {"type":"object","properties":props}
def leafs(prefix, n):
    d={}
    for i in range(n):
        k=random.choice(["string","integer","boolean","enum","map","list"])
        name=f"{prefix}{i}"
        if k=="enum": d[name]={"type":"string","enum":["A","B","C"]}
        elif k=="map": d[name]={"type":"object","additionalProperties":{"type":"string"}}
        elif k=="list": d[name]={"type":"array","items":{"type":"string"}}
        else: d[name]={"type":k}
    return d
def appspec():
    st=random.getstate(); random.seed(42)
    r=_appspec(); random.setstate(st); return r
def _appspec():
    src=obj({**leafs("f",20),"helm":obj({**leafs("h",25),"parameters":{"type":"array","items":obj(leafs("p",5))}}),
             "kustomize":obj({**leafs("k",25),"patches":{"type":"array","items":obj({**leafs("q",6),"target":obj(leafs("t",8))})}}),
             "directory":obj({**leafs("d",6),"jsonnet":obj({"extVars":{"type":"array","items":obj(leafs("e",3))},"tlas":{"type":"array","items":obj(leafs("e",3))}})}),
             "plugin":obj({**leafs("g",4),"env":{"type":"array","items":obj(leafs("e",2))}})})
    return obj({"source":src,"sources":{"type":"array","items":src},"destination":obj(leafs("x",3)),
                "syncPolicy":obj({**leafs("s",8),"retry":obj({"backoff":obj(leafs("b",3)),"limit":{"type":"integer"}}),"automated":obj(leafs("a",4))}),
                "ignoreDifferences":{"type":"array","items":obj(leafs("i",6))},"info":{"type":"array","items":obj(leafs("n",2))},"project":{"type":"string"}})
def template():
    return obj({"metadata":obj({"labels":{"type":"object","additionalProperties":{"type":"string"}},"name":{"type":"string"}}),"spec":appspec()})
def selector():
    return obj({"matchLabels":{"type":"object","additionalProperties":{"type":"string"}},"matchExpressions":{"type":"array","items":obj({"key":{"type":"string"},"operator":{"type":"string"},"values":{"type":"array","items":{"type":"string"}}})}})
def leafgens():
    return {"clusters":obj({"selector":selector(),"template":template(),"values":{"type":"object","additionalProperties":{"type":"string"}}}),
            "git":obj({**leafs("r",8),"files":{"type":"array","items":obj(leafs("z",2))},"template":template()}),
            "list":obj({"elements":{"type":"array","items":{"x-kubernetes-preserve-unknown-fields":True}},"template":template()}),
            "pullRequest":obj({**leafs("pr",10),"github":obj(leafs("gh",8)),"gitlab":obj(leafs("gl",8)),"template":template()}),
            "scmProvider":obj({**leafs("sc",10),"github":obj(leafs("gh",8)),"gitea":obj(leafs("gt",8)),"template":template()}),
            "clusterDecisionResource":obj({**leafs("cd",5),"labelSelector":selector(),"template":template()}),
            "selector":selector()}
def gens(depth):
    g=leafgens()
    if depth>0:
        g["matrix"]=obj({"generators":{"type":"array","items":obj(gens(depth-1))},"template":template()})
        g["merge"]=obj({"generators":{"type":"array","items":obj(gens(depth-1))},"mergeKeys":{"type":"array","items":{"type":"string"}},"template":template()})
    return g
def root(kind, spec):
    return {"type":"object","properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},"spec":spec,"status":obj(leafs("st",10))}}
def write(path, kind, schema):
    json.dump({"format":"okegitops.schema/v1","group":"argoproj.io","version":"v1alpha1","kind":kind,"scope":"Namespaced","served":True,"storage":True,"openAPIV3Schema":schema},open(path,"w"),indent=1)
import os
out=sys.argv[1]; os.makedirs(out+"/argoproj.io/v1alpha1",exist_ok=True); os.makedirs(out+"/meta/v1",exist_ok=True)
write(out+"/argoproj.io/v1alpha1/application.json","Application",root("Application",appspec()))
write(out+"/argoproj.io/v1alpha1/applicationset.json","ApplicationSet",root("ApplicationSet",obj({"generators":{"type":"array","items":obj(gens(2))},"template":template(),"goTemplate":{"type":"boolean"}})))
