/**
 * Word lists for the identifier checker. All entries are lower case without accents (compare
 * through `fold`). They are deliberately generic (common French usage), not drawn from the
 * test notes.
 */

/** Lower case, accents removed, curly apostrophe made straight. */
const foldCache = new Map<string, string>();

export function fold(word: string): string {
	// Names repeat a lot in a long text; short words are memoised (bounded cache).
	if (word.length <= 24) {
		const hit = foldCache.get(word);
		if (hit !== undefined) return hit;
		const value = foldUncached(word);
		if (foldCache.size > 5000) foldCache.clear();
		foldCache.set(word, value);
		return value;
	}
	return foldUncached(word);
}

function foldUncached(word: string): string {
	return word
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[’]/g, "'")
		.toLowerCase();
}

function set(words: string): ReadonlySet<string> {
	return new Set(words.split(/\s+/).filter(Boolean).map(fold));
}

/**
 * Common first names in France (several generations and origins). Used only for the
 * "SURNAME Firstname" / "Firstname SURNAME" pattern, where the surname is in capitals.
 */
export const FIRST_NAMES = set(`
	adele adrien agathe agnes ahmed aicha alain albert alexandra alexandre alexis alfred alice aline alix
	amandine amelie amine anais andre andree angele angelique anne annie anne-marie anne-sophie antoine
	antoinette arnaud arthur aurelie aurelien baptiste barbara bastien beatrice benedicte benjamin benoit
	bernadette bernard berthe blanche brigitte bruno camille carine carole caroline catherine cecile celine
	chantal charles charlotte chloe christian christiane christine christophe claire clara claude claudine
	clement clementine colette coralie corinne cyril damien daniel daniele danielle david delphine denis
	denise didier dominique dylan edith edouard eliane elisabeth elise elodie eloise emilie emile emma
	emmanuel emmanuelle enzo eric estelle ethan etienne eugene eugenie eva evelyne fabien fabienne fabrice
	fanny farid fatima fatou florence florian francine francis franck francois francoise frederic frederique
	gabriel gabrielle gaelle gaetan genevieve georges georgette gerald gerard germaine ghislaine gilbert
	gilles ginette gisele guillaume guy guylaine hamid hassan helene henri henriette herve hugo hugues ibrahim
	ines irene isabelle jacqueline jacques jade jean jean-claude jean-francois jean-luc jean-marc jean-marie
	jean-paul jean-pierre jeanne jeannine jeremy jerome jocelyne joel joelle jonathan jordan josiane joseph
	josette julie julien juliette justine karim karima kevin khadija laetitia laure laurence laurent lea lea
	leila leo leon leonie liliane lina lise louis louise lucas lucie lucien lucienne lucile ludovic luc lydie
	madeleine malika manon marc marcel marcelle margaux margot marguerite maria marie marie-christine
	marie-claire marie-france marie-therese marine marion martine mathieu mathilde matthieu maurice maxime
	melanie michel micheline michele mickael mireille mohamed monique morgane mourad myriam nadia nadine
	nathalie nicolas nicole noah noel noelle odette odile olivier oceane pascal pascale patrice patricia
	patrick paul paule paulette pauline philippe pierre quentin rachel rachid raphael raymond raymonde regine
	regis remi renee rene richard robert roger roland romain rose sabine sabrina samia samir samuel sandrine
	sarah sebastien serge severine simone solange sonia sophie stephane stephanie suzanne sylvain sylvie
	theo therese thierry thomas tiphaine valentin valerie vanessa veronique victor vincent virginie xavier
	yann yannick yasmine yves yvette yvonne youssef zoe
	amadou awa aminata moussa mamadou oumar ousmane aissatou binta kadiatou nguyen thanh minh linh
	joao manuel antonio jose carlos fernando rosa ana luis pedro sofia giovanni giuseppe marco francesca
`);

/**
 * Capitalised words that are not names: function words at the start of a sentence, clinical
 * nouns and headings, civil and professional titles. A name candidate is cut at the first one.
 */
export const NOT_NAME_WORDS = set(`
	le la les l un une des du de d au aux et ou ni mais donc or car ce cet cette ces son sa ses mon ma mes
	ton ta tes notre nos votre vos leur leurs il elle ils elles on je tu nous vous y en qui que quoi dont
	pour par avec sans sur sous dans chez entre vers apres avant depuis pendant selon contre malgre
	a est sont a ont fait pas plus tres bien bon bonne merci bonjour bonsoir salut cordialement
	objet motif concerne diagnostic examen traitement sortie entree chambre ch lit box salle service unite
	pavillon etage bloc urgences reanimation nuit jour matin soir midi semaine mois an ans heure heures
	lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin juillet aout
	septembre octobre novembre decembre
	patient patiente patients residente resident residents malade enfant bebe famille madame monsieur
	mademoiselle messieurs mesdames docteur docteure professeur professeure dr pr mme mlle
	directeur directrice president presidente ministre cadre chef interne externe infirmier infirmiere
	medecin confrere consoeur collegue equipe secretariat secretaire
	ne nee nes nees age agee
	rien ras note remarque attention urgent info information suivi bilan conclusion antecedents
	allergie allergies poids taille tension temperature douleur
`);

/**
 * Upper-case abbreviations common in French clinical text; never a surname on their own.
 * Compared on the folded form.
 */
export const ACRONYMS = set(`
	ras hta bpco eva ecg eeg emg ide iade ibode as ash aes amp crp inr nfs vs irm tdm tep pet rx asp
	sspi ssr ehpad chu chr ch usld uhcd sau samu smur vsl ptg pth avc ait idm sca oap icc irc ira dt dt1
	dt2 atcd ta pa fc fr spo spo2 vvp vvc picc sng sad news news2 gcs asa ddn nir ins ipp nip nda iep rdv
	cr cro crh rcp ald cpam mdph apa had ssiad pmi etp dmi pui cip uf finess rpps sa sc iv im po sl cgr
	pfc tp tca hb hba1c gds aa mhd ains has ars cnil rgpd ok nb ps covid sars vih vhc vhb bmr bhre sarm
	ei mco sos tsh bnp pr sep sla dmla tvp ep fa acfa bav htap imc iec ara ado ado aod avk aod hbpm
	ipde ivse ivd per os qsp lp cp gel sol amp fl rea usic usi ucsa bo sf ad ag al ar aes amm ci cmu
	css ame aah vad pca picc sus spa cgm dsa atb pcr ecbu ldh tgo tgp ggt pal cpk tnt tni ph pco2 po2
	hco3 bpm mmhg fio2 peep vni oxy o2 ii iii iv vi vii viii ix xi xii je il on un le la les de du des
	et ou au aux en ni ne
	ue ce ue ue cs ct cat cta sc tsa ecmo hdj cmp cmpi chs cmp smr ssiad ehpa esa uhr uvp umg usp emsp
	idel idec ifsi iade ibo ifas dpi dmp mssante cps
`);

/** Units and clinical words that cannot be a town name after a 5-digit number. */
export const NOT_TOWN_WORDS = set(`
	ui u mg g kg ml l mmol umol µmol mmhg bpm ms min h j jours heures unites unite ampoule ampoules
	cp gelule gelules sachet sachets dose doses ng pg mui ufc cellules leucocytes neutrophiles
	lymphocytes monocytes plaquettes hematies reticulocytes globules copies
`);

/** Lines whose digit groups are measurements, not phone numbers (matched on the folded line). */
export const MEASURE_CUES =
	/(?:dextro|glyc|hgt|potass|kali|natr|ionogram|valeurs?|tendance|horaires?|surveillance|score|mmol|g\/l|mg|releves?|constantes?|pouls|tension|diurese|temperature|saturation|spo2|glasgow|eva|scores?)/;
