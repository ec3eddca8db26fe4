"""Function words of about twenty languages: prose is dense in them, menus and footers are not.

Short lists on purpose (the most frequent words only): enough to tell a sentence from a label and
to guess the language, small enough to read. Lower-case, space-separated.
"""

from __future__ import annotations

_LISTS = {
    "en": "the of and to a in is that it for on was with as by at be this from are have has had not but or an "
    "his her they their we he she which who will would been were its said after about more also there when",
    "fr": "le la les de des du et un une est que qui dans pour pas sur au aux il elle ne se ce en par plus "
    "avec son sa ses ont été sont mais nous vous leur cette comme fait être aussi",
    "de": "der die das und ist nicht zu den von mit sich des auf für im dem ein eine einer eines auch es an "
    "als wie bei nach aus wird sind war hat noch nur oder aber vor zur zum über sie er wir",
    "es": "el la los las de del y que en un una es por con no se para al lo como más su sus pero le ha fue "
    "este esta son también ya entre cuando muy sin sobre",
    "it": "il lo la le gli di del della dei delle e che in un una è per con non si da al alla sono come ma "
    "anche più nel nella questo questa ha sua suo",
    "pt": "o a os as de do da dos das e que em um uma é para com não se por ao no na nos nas mais como mas "
    "foi ser sua seu também pelo pela são já",
    "nl": "de het een en van in is dat op te zijn met voor niet die aan er ook als maar bij om door over "
    "wordt werd heeft hij zij we nog naar uit dan",
    "sv": "och att det som en på är av för med till den har inte om ett de var jag men hon han vi kan från "
    "så sig när efter också vid eller",
    "da": "og i at det som en på er af for med til den har ikke om et de var jeg men hun han vi kan fra så "
    "sig når efter også ved eller",
    "no": "og i at det som en på er av for med til den har ikke om et de var jeg men hun han vi kan fra så "
    "seg når etter også ved eller",
    "fi": "ja on ei se että oli hän ovat myös kun mutta tai jo niin kuin sen ole vain tämä joka sekä nyt "
    "jos mukaan vielä",
    "pl": "i w na z że do nie się jest to o jak po a od za co ale przez dla był była są tak oraz jego już "
    "tym które który także",
    "cs": "a v na se že je to s z do o i k jako by byl pro ale jsou po za od které který tak jeho také už při podle",
    "ro": "și în de la cu a că nu se pe o un este din care mai au fost pentru sau ca dar acest această lui",
    "hu": "a az és hogy nem is egy van de meg már ez azt volt csak mint még el ki be kell lesz pedig",
    "tr": "ve bir bu da de için ile olarak çok daha gibi en olan ama ne kadar sonra değil her ise mi",
    "id": "yang dan di ke dari ini itu dengan untuk pada adalah tidak akan dalam juga oleh ada karena "
    "atau sudah saat bisa",
    "ru": "и в не на что с по как это он она из за к о от но для его ее же был была были уже так все "
    "также при только или",
    "uk": "і в не на що з по як це він вона із за до о від але для його її же був була були вже так "
    "також при тільки або та",
    "el": "και το η ο να του της τα σε με που για από την τον των οι είναι στο στην δεν θα ως",
    "ar": "في من على أن إلى عن مع هذا هذه التي الذي كان قد لا ما أو بين بعد كما ذلك وقال",
    "ca": "el la els les de del i que en un una és per amb no es al com més però va ha seu seva",
}

STOPWORDS: dict[str, frozenset[str]] = {lang: frozenset(words.split()) for lang, words in _LISTS.items()}
ANY: frozenset[str] = frozenset().union(*STOPWORDS.values())
