"""Hand-written facts layered over the GeoNames country table.

Written from general knowledge for newsdex (not copied from any list):
canonical names as English-language news uses them, aliases (official and
historical names, common abbreviations), demonyms (adjective first, then
the person noun and its plural where they differ) and Wikidata QIDs where
the maintainer is sure of them (omitted otherwise; never guessed).
"""

# ISO2 -> canonical name, when GeoNames' name is not the one news uses.
RENAME = {
    "PS": "Palestine",
    "NL": "Netherlands",
    "TL": "East Timor",
    "CZ": "Czech Republic",
    "MO": "Macau",
    "VA": "Vatican City",
    "AX": "Åland Islands",
    "CV": "Cape Verde",
    "VI": "US Virgin Islands",
    "BQ": "Caribbean Netherlands",
    "CW": "Curaçao",
    "RE": "Réunion",
    "BL": "Saint Barthélemy",
    "ST": "São Tomé and Príncipe",
    "SZ": "Eswatini",
    "CI": "Ivory Coast",
}

# ISO2 -> canonical capital name, when GeoNames' differs or is outdated.
CAPITAL = {
    "KZ": "Astana",
    "US": "Washington",
    "MM": "Naypyidaw",
    "PS": "Ramallah",
    "CW": "Willemstad",
    "BQ": "Kralendijk",
    "IL": "Jerusalem",
}

# ISO2 -> "alias; alias | demonym; demonym | QID"
TABLE = """
AD | Principality of Andorra | Andorran; Andorrans | Q228
AE | UAE; U.A.E.; Emirates; the Emirates | Emirati; Emiratis | Q878
AF | Islamic Republic of Afghanistan; Islamic Emirate of Afghanistan | Afghan; Afghans; Afghani | Q889
AG | Antigua | Antiguan; Antiguans | Q781
AL | Republic of Albania | Albanian; Albanians | Q222
AM | Republic of Armenia | Armenian; Armenians | Q399
AO | Republic of Angola | Angolan; Angolans | Q916
AR | Argentine Republic | Argentine; Argentines; Argentinian; Argentinians; Argentinean | Q414
AT | Republic of Austria | Austrian; Austrians | Q40
AU | Commonwealth of Australia | Australian; Australians; Aussie | Q408
AZ | Republic of Azerbaijan | Azerbaijani; Azerbaijanis; Azeri; Azeris | Q227
BA | Bosnia; Bosnia-Herzegovina; BiH | Bosnian; Bosnians | Q225
BB | | Barbadian; Barbadians; Bajan | Q244
BD | People's Republic of Bangladesh | Bangladeshi; Bangladeshis | Q902
BE | Kingdom of Belgium | Belgian; Belgians | Q31
BF | Upper Volta | Burkinabe; Burkinabè | Q965
BG | Republic of Bulgaria | Bulgarian; Bulgarians | Q219
BH | Kingdom of Bahrain | Bahraini; Bahrainis | Q398
BI | Republic of Burundi | Burundian; Burundians | Q967
BJ | Republic of Benin; Dahomey | Beninese | Q962
BN | Brunei Darussalam | Bruneian; Bruneians | Q921
BO | Plurinational State of Bolivia | Bolivian; Bolivians | Q750
BR | Federative Republic of Brazil | Brazilian; Brazilians | Q155
BS | The Bahamas; Commonwealth of The Bahamas | Bahamian; Bahamians | Q778
BT | Kingdom of Bhutan | Bhutanese | Q917
BW | Republic of Botswana | Botswanan; Motswana; Batswana | Q963
BY | Republic of Belarus; Byelorussia; Belorussia | Belarusian; Belarusians; Belarussian; Byelorussian | Q184
BZ | | Belizean; Belizeans | Q242
CA | | Canadian; Canadians | Q16
CD | Congo; DR Congo; DRC; D.R. Congo; Congo-Kinshasa; Democratic Republic of Congo; Zaire | Congolese | Q974
CF | CAR; Central African Rep. | Central African; Central Africans | Q929
CG | Congo; Congo-Brazzaville; Republic of Congo; Congo Republic | | Q971
CH | Swiss Confederation | Swiss | Q39
CI | Côte d'Ivoire; Cote d'Ivoire | Ivorian; Ivorians | Q1008
CL | Republic of Chile | Chilean; Chileans | Q298
CM | Republic of Cameroon | Cameroonian; Cameroonians | Q1009
CN | People's Republic of China; PRC; P.R.C.; mainland China | Chinese | Q148
CO | Republic of Colombia | Colombian; Colombians | Q739
CR | | Costa Rican; Costa Ricans | Q800
CU | Republic of Cuba | Cuban; Cubans | Q241
CV | Cabo Verde | Cape Verdean; Cape Verdeans | Q1011
CY | Republic of Cyprus | Cypriot; Cypriots | Q229
CZ | Czechia | Czech; Czechs | Q213
DE | Federal Republic of Germany; FRG | German; Germans | Q183
DJ | Republic of Djibouti | Djiboutian; Djiboutians | Q977
DK | Kingdom of Denmark | Danish; Dane; Danes | Q35
DM | Commonwealth of Dominica | | Q784
DO | | Dominican; Dominicans | Q786
DZ | People's Democratic Republic of Algeria | Algerian; Algerians | Q262
EC | Republic of Ecuador | Ecuadorian; Ecuadorians; Ecuadoran | Q736
EE | Republic of Estonia | Estonian; Estonians | Q191
EG | Arab Republic of Egypt | Egyptian; Egyptians | Q79
ER | State of Eritrea | Eritrean; Eritreans | Q986
ES | Kingdom of Spain | Spanish; Spaniard; Spaniards | Q29
ET | Federal Democratic Republic of Ethiopia | Ethiopian; Ethiopians | Q115
FI | Republic of Finland | Finnish; Finn; Finns | Q33
FJ | Republic of Fiji | Fijian; Fijians | Q712
FM | Federated States of Micronesia | Micronesian; Micronesians |
FR | French Republic | French; Frenchman; Frenchwoman; Frenchmen | Q142
GA | Gabonese Republic | Gabonese | Q1000
GB | UK; U.K.; Britain; Great Britain; United Kingdom of Great Britain and Northern Ireland | British; Briton; Britons; Brit; Brits | Q145
GD | | Grenadian; Grenadians | Q769
GE | Republic of Georgia | Georgian; Georgians | Q230
GH | Republic of Ghana | Ghanaian; Ghanaians | Q117
GL | Kalaallit Nunaat | Greenlandic; Greenlander; Greenlanders | Q223
GM | The Gambia; Republic of The Gambia | Gambian; Gambians | Q1005
GN | Republic of Guinea; Guinea-Conakry | Guinean; Guineans | Q1006
GQ | Republic of Equatorial Guinea | Equatorial Guinean; Equatoguinean | Q983
GR | Hellenic Republic; Hellas | Greek; Greeks | Q41
GT | Republic of Guatemala | Guatemalan; Guatemalans | Q774
GW | | Bissau-Guinean; Bissau-Guineans | Q1007
GY | Co-operative Republic of Guyana | Guyanese | Q734
HK | Hong Kong SAR; Hongkong | Hong Konger; Hong Kongers | Q8646
HN | Republic of Honduras | Honduran; Hondurans | Q783
HR | Republic of Croatia; Hrvatska | Croatian; Croatians; Croat; Croats | Q224
HT | Republic of Haiti | Haitian; Haitians | Q790
HU | | Hungarian; Hungarians | Q28
ID | Republic of Indonesia | Indonesian; Indonesians | Q252
IE | Republic of Ireland; Eire; Éire | Irish; Irishman; Irishmen | Q27
IL | State of Israel | Israeli; Israelis | Q801
IN | Republic of India; Bharat | Indian; Indians | Q668
IQ | Republic of Iraq | Iraqi; Iraqis | Q796
IR | Islamic Republic of Iran; Persia | Iranian; Iranians | Q794
IS | | Icelandic; Icelander; Icelanders | Q189
IT | Italian Republic | Italian; Italians | Q38
JM | | Jamaican; Jamaicans | Q766
JO | Hashemite Kingdom of Jordan | Jordanian; Jordanians | Q810
JP | | Japanese | Q17
KE | Republic of Kenya | Kenyan; Kenyans | Q114
KG | Kyrgyz Republic; Kirghizia; Kirgizia | Kyrgyz; Kyrgyzstani; Kirghiz | Q813
KH | Kingdom of Cambodia; Kampuchea | Cambodian; Cambodians; Khmer | Q424
KI | | I-Kiribati | Q710
KM | Union of the Comoros; the Comoros | Comorian; Comorians | Q970
KN | St Kitts and Nevis; St. Kitts and Nevis | Kittitian; Nevisian | Q763
KP | DPRK; D.P.R.K.; Democratic People's Republic of Korea | North Korean; North Koreans | Q423
KR | Korea; Republic of Korea; ROK; South Korean Republic | South Korean; South Koreans | Q884
KW | State of Kuwait | Kuwaiti; Kuwaitis | Q817
KZ | Republic of Kazakhstan; Kazakstan | Kazakh; Kazakhs; Kazakhstani; Kazakhstanis | Q232
LA | Lao People's Democratic Republic; Lao PDR | Laotian; Laotians; Lao | Q819
LB | Lebanese Republic | Lebanese | Q822
LC | St Lucia; St. Lucia | Saint Lucian; St Lucian | Q760
LI | Principality of Liechtenstein | Liechtensteiner; Liechtensteiners | Q347
LK | Democratic Socialist Republic of Sri Lanka; Ceylon | Sri Lankan; Sri Lankans | Q854
LR | Republic of Liberia | Liberian; Liberians | Q1014
LS | Kingdom of Lesotho | Basotho; Mosotho | Q1013
LT | Republic of Lithuania | Lithuanian; Lithuanians | Q37
LU | Grand Duchy of Luxembourg | Luxembourgish; Luxembourger; Luxembourgers | Q32
LV | Republic of Latvia | Latvian; Latvians | Q211
LY | State of Libya | Libyan; Libyans | Q1016
MA | Kingdom of Morocco | Moroccan; Moroccans | Q1028
MC | Principality of Monaco | Monegasque; Monégasque | Q235
MD | Republic of Moldova; Moldavia | Moldovan; Moldovans | Q217
ME | | Montenegrin; Montenegrins | Q236
MG | Republic of Madagascar | Malagasy | Q1019
MH | Republic of the Marshall Islands | Marshallese | Q709
MK | Macedonia; Republic of North Macedonia; FYROM; Former Yugoslav Republic of Macedonia | Macedonian; Macedonians; North Macedonian | Q221
ML | Republic of Mali | Malian; Malians | Q912
MM | Burma; Republic of the Union of Myanmar | Burmese; Myanmarese | Q836
MN | | Mongolian; Mongolians | Q711
MO | Macao; Macau SAR | Macanese |
MR | Islamic Republic of Mauritania | Mauritanian; Mauritanians | Q1025
MT | Republic of Malta | Maltese | Q233
MU | Republic of Mauritius | Mauritian; Mauritians | Q1027
MV | Republic of Maldives; the Maldives | Maldivian; Maldivians | Q826
MW | Republic of Malawi | Malawian; Malawians | Q1020
MX | United Mexican States | Mexican; Mexicans | Q96
MY | | Malaysian; Malaysians | Q833
MZ | Republic of Mozambique | Mozambican; Mozambicans | Q1029
NA | Republic of Namibia | Namibian; Namibians | Q1030
NE | Republic of Niger | Nigerien; Nigeriens | Q1032
NG | Federal Republic of Nigeria | Nigerian; Nigerians | Q1033
NI | Republic of Nicaragua | Nicaraguan; Nicaraguans | Q811
NL | The Netherlands; Holland; Kingdom of the Netherlands | Dutch; Dutchman; Dutchmen | Q55
NO | Kingdom of Norway | Norwegian; Norwegians | Q20
NP | | Nepali; Nepalese; Nepalis | Q837
NR | Republic of Nauru | Nauruan; Nauruans | Q697
NZ | | New Zealander; New Zealanders; Kiwi; Kiwis | Q664
OM | Sultanate of Oman | Omani; Omanis | Q842
PA | Republic of Panama | Panamanian; Panamanians | Q804
PE | Republic of Peru | Peruvian; Peruvians | Q419
PG | Independent State of Papua New Guinea; PNG | Papua New Guinean; Papua New Guineans | Q691
PH | Republic of the Philippines; the Philippines | Philippine; Filipino; Filipinos; Filipina | Q928
PK | Islamic Republic of Pakistan | Pakistani; Pakistanis | Q843
PL | Republic of Poland | Polish; Pole; Poles | Q36
PR | Commonwealth of Puerto Rico | Puerto Rican; Puerto Ricans | Q1183
PS | State of Palestine; Palestinian Territories; Palestinian territories; Occupied Palestinian Territories; Palestinian Territory | Palestinian; Palestinians | Q219060
PT | Portuguese Republic | Portuguese | Q45
PW | Republic of Palau | Palauan; Palauans | Q695
PY | Republic of Paraguay | Paraguayan; Paraguayans | Q733
QA | State of Qatar | Qatari; Qataris | Q846
RO | | Romanian; Romanians; Rumanian | Q218
RS | Republic of Serbia | Serbian; Serbians; Serb; Serbs | Q403
RU | Russian Federation | Russian; Russians | Q159
RW | Republic of Rwanda | Rwandan; Rwandans | Q1037
SA | Kingdom of Saudi Arabia; KSA | Saudi; Saudis; Saudi Arabian; Saudi Arabians | Q851
SB | | Solomon Islander; Solomon Islanders | Q685
SC | Republic of Seychelles | Seychellois | Q1042
SD | Republic of the Sudan; the Sudan | Sudanese | Q1049
SE | Kingdom of Sweden | Swedish; Swede; Swedes | Q34
SG | Republic of Singapore | Singaporean; Singaporeans | Q334
SI | Republic of Slovenia | Slovenian; Slovenians; Slovene; Slovenes | Q215
SK | Slovak Republic | Slovak; Slovaks; Slovakian | Q214
SL | Republic of Sierra Leone | Sierra Leonean; Sierra Leoneans | Q1044
SM | Republic of San Marino | Sammarinese | Q238
SN | Republic of Senegal | Senegalese | Q1041
SO | Federal Republic of Somalia | Somali; Somalis; Somalian | Q1045
SR | Republic of Suriname; Surinam | Surinamese | Q730
SS | Republic of South Sudan | South Sudanese | Q958
ST | Sao Tome and Principe; São Tomé | Santomean | 
SV | Republic of El Salvador | Salvadoran; Salvadorans; Salvadorean | Q792
SY | Syrian Arab Republic | Syrian; Syrians | Q858
SZ | Swaziland; Kingdom of Eswatini | Swazi; Swazis; Emaswati | Q1050
TD | Republic of Chad | Chadian; Chadians | Q657
TG | Togolese Republic | Togolese | Q945
TH | Kingdom of Thailand; Siam | Thai; Thais | Q869
TJ | Republic of Tajikistan | Tajik; Tajiks; Tajikistani | Q863
TL | Timor-Leste; Timor Leste; Democratic Republic of Timor-Leste | East Timorese; Timorese | Q574
TM | | Turkmen; Turkmens | Q874
TN | Republic of Tunisia | Tunisian; Tunisians | Q948
TO | Kingdom of Tonga | Tongan; Tongans | Q678
TR | Türkiye; Turkiye; Republic of Turkey; Republic of Türkiye | Turkish; Turk; Turks | Q43
TT | Republic of Trinidad and Tobago; Trinidad | Trinidadian; Trinidadians; Tobagonian | Q754
TV | | Tuvaluan; Tuvaluans | Q672
TW | Republic of China; ROC; Chinese Taipei | Taiwanese | Q865
TZ | United Republic of Tanzania | Tanzanian; Tanzanians | Q924
UA | | Ukrainian; Ukrainians | Q212
UG | Republic of Uganda | Ugandan; Ugandans | Q1036
US | USA; U.S.A.; US; U.S.; United States of America; America; the States | American; Americans | Q30
UY | Oriental Republic of Uruguay | Uruguayan; Uruguayans | Q77
UZ | Republic of Uzbekistan | Uzbek; Uzbeks; Uzbekistani | Q265
VA | Vatican; Holy See; the Holy See; the Vatican | Vatican | Q237
VC | St Vincent and the Grenadines; St. Vincent | Vincentian; Vincentians | Q757
VE | Bolivarian Republic of Venezuela | Venezuelan; Venezuelans | Q717
VN | Viet Nam; Socialist Republic of Vietnam | Vietnamese | Q881
VU | Republic of Vanuatu | Ni-Vanuatu | Q686
WS | Independent State of Samoa; Western Samoa | Samoan; Samoans | Q683
XK | Republic of Kosovo | Kosovan; Kosovar; Kosovars; Kosovans |  Q1246
YE | Republic of Yemen | Yemeni; Yemenis | Q805
ZA | Republic of South Africa; RSA | South African; South Africans | Q258
ZM | Republic of Zambia | Zambian; Zambians | Q953
ZW | Republic of Zimbabwe; Rhodesia | Zimbabwean; Zimbabweans | Q954
GI | | Gibraltarian; Gibraltarians | Q1410
AS | | American Samoan |
GU | | Guamanian |
BM | | Bermudian; Bermudians |
KY | the Cayman Islands; Caymans | Caymanian |
VG | BVI | |
FK | Falklands; the Falklands; Malvinas; Islas Malvinas | Falkland Islander; Falkland Islanders |
FO | the Faroes; Faroes; Faeroe Islands | Faroese |
IM | | Manx |
JE | | Jerseyman |
NC | | New Caledonian |
PF | Tahiti | French Polynesian |
EH | | Sahrawi; Sahrawis |
AW | | Aruban; Arubans |
"""

# Countries news still names that no longer exist: (name, aliases, demonyms,
# qid, note). Successor states are named in the note only.
HISTORICAL = [
    ("Soviet Union", ["USSR", "U.S.S.R.", "Union of Soviet Socialist Republics", "the Soviet Union"],
     ["Soviet", "Soviets"], "Q15180", "dissolved 1991; successor: Russia"),
    ("West Germany", ["Federal Republic of Germany (1949-1990)"], ["West German", "West Germans"],
     "Q713750", "1949-1990; reunified with East Germany as Germany"),
    ("East Germany", ["German Democratic Republic", "GDR", "DDR"], ["East German", "East Germans"],
     "Q16957", "1949-1990; joined the Federal Republic of Germany"),
    ("Czechoslovakia", [], ["Czechoslovak", "Czechoslovaks"], "Q33946",
     "dissolved 1993 into the Czech Republic and Slovakia"),
    ("Yugoslavia", ["Socialist Federal Republic of Yugoslavia", "SFRY", "Federal Republic of Yugoslavia"],
     ["Yugoslav", "Yugoslavs", "Yugoslavian"], "Q36704",
     "dissolved 1991-2006 into Slovenia, Croatia, Bosnia and Herzegovina, Serbia, Montenegro, North Macedonia, Kosovo"),
    ("Serbia and Montenegro", [], [], None, "2003-2006; split into Serbia and Montenegro"),
    ("Netherlands Antilles", [], [], None, "dissolved 2010"),
]

# Names that GeoNames gives both a country and something else; the country
# is what news means unless told otherwise.
